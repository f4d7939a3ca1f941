using GanEstimators.Conditioning;
using static TorchSharp.torch;

namespace GanEstimators.Sampling.Calibration;

/// <summary>
/// The generator's sampling logits on <see cref="Rows"/> rows of fixed noise, with conditions drawn as sampling draws
/// them: what the sampler's defaults that are decided from the trained generator (<see cref="ModeChoiceRule"/>,
/// <see cref="CategoryCalibration"/>) look at, the same on every load. Call it inside a dispose scope, without grad.
/// </summary>
internal static class FixedNoiseProbe
{
    public const int Rows = 4096;

    /// <summary>
    /// The rows <see cref="CategoryCalibration"/> fits on where a model has linked pairs (<see cref="SeenPairs.MinLinkedAssociation"/>).
    /// Their tables hold one offset per value of one many-level column and value of another, and on 4,096 rows (about
    /// 80 per birdstrikes airport) those offsets fit the probe's own rows: the operator's column shape fell from 0.967
    /// to 0.953 on fresh rows (seed 1). On 8,192 rows it is 0.961-0.973 over three seeds, on 16,384 0.967-0.976 at
    /// twice the fitting time (BENCHMARKS.md, "Linked pairs").
    /// </summary>
    public const int RowsForLinkedPairs = 2 * Rows;

    /// <summary>The seed of the noise, and of the categorical conditions drawn.</summary>
    public const int Seed = 20261205;

    /// <param name="generator">The trained generator.</param>
    /// <param name="classes">The condition column's class of each row; null when the model has no condition column.</param>
    /// <param name="drawn">When given, receives the (row, vector position) of every categorical condition drawn.</param>
    /// <param name="known">When given, receives the slot each condition fixes (see <see cref="SeenPairs"/>).</param>
    /// <param name="rows">How many rows: <see cref="Rows"/>, or <see cref="RowsForLinkedPairs"/>.</param>
    public static Tensor Logits(SyntheticRowGenerator generator, int[]? classes, List<(int Row, int Position)>? drawn = null, int[][]? known = null, int rows = Rows)
    {
        using var use = generator.Use();
        using var random = new Generator(Seed);
        var noise = TorchRandom.Normal(new long[] { rows, generator.NoiseDimension }, generator.Device, random);
        using var conditions = generator.Conditions(0, rows, GenerationRequest.ForClasses(classes), new Random(Seed), drawn, known);
        return generator.Network.SamplingLogits(noise, conditions);
    }
}
