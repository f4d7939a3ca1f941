using TorchSharp;
using GanEstimators.Networks;
using static TorchSharp.torch;

namespace GanEstimators.Diagnostics;

/// <summary>
/// Measures mode collapse cheaply: the mean pairwise distance of a fixed-noise generated batch over that of a fixed
/// real batch (same conditions), both in the encoded space. Uses its own noise so it never changes training.
/// </summary>
internal sealed class CollapseProbe : IDisposable
{
    private const int ProbeRows = 256;
    private readonly Tensor _noise;
    private readonly Tensor? _conditions;
    private readonly double _realDiversity;
    private readonly ulong _seed;

    // drawReal draws that many real encoded rows and their conditional vectors with the given random generator, as
    // training draws a batch (a delegate, so diagnostics need not know the training batches).
    public CollapseProbe(int availableRows, Func<int, Generator, (Tensor Rows, Tensor? Conditions)> drawReal, int noiseDimension, int seed, Device device)
    {
        _seed = (ulong)seed + 0x5EED;
        using var random = new Generator(_seed);
        var rows = Math.Min(ProbeRows, availableRows);
        var (real, conditions) = drawReal(rows, random);
        _noise = TorchRandom.Normal(new long[] { rows, noiseDimension }, device, random);
        _conditions = conditions;
        _realDiversity = MeanPairwiseDistance(real);
        real.Dispose();
    }

    public double Measure(GeneratorNetwork generator)
    {
        if (!(_realDiversity > 0)) return double.NaN;
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        using var random = new Generator(_seed + 1);
        return MeanPairwiseDistance(generator.Generate(_noise, _conditions, random)) / _realDiversity;
    }

    private static double MeanPairwiseDistance(Tensor rows)
    {
        using var scope = NewDisposeScope();
        return EnergyDistance.WithinMean(rows).item<float>();
    }

    public void Dispose()
    {
        _noise.Dispose();
        _conditions?.Dispose();
    }
}
