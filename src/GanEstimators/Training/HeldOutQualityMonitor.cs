using GanEstimators.Conditioning;
using GanEstimators.Diagnostics;
using GanEstimators.Encoding;
using GanEstimators.Networks;
using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>
/// The early-stopping signal: energy distance between held-out real rows and as many generated rows with the same
/// conditions, from fixed noise so successive evaluations are comparable.
/// </summary>
internal sealed class HeldOutQualityMonitor : IDisposable
{
    private readonly Tensor _holdout;
    private readonly Tensor? _conditions;
    private readonly Tensor _noise;
    private readonly ulong _seed;

    public HeldOutQualityMonitor(EncodedRows holdout, ConditionalVector? categories, int noiseDimension, int seed, Device device)
    {
        _seed = (ulong)seed + 0xE5;
        var rows = holdout.Count;
        _holdout = holdout.ToTensor(device);
        _conditions = holdout.ClassesOneHot(device);
        if (categories is { Width: > 0 })
        {
            var vector = new float[rows * categories.Width];
            SamplingDraws.Fill(categories, rows, vector, new Random(seed), holdout.Classes);
            using var categoryConditions = tensor(vector, new long[] { rows, categories.Width }).to(device);
            var combined = _conditions is null ? categoryConditions.alias() : cat(new[] { _conditions, categoryConditions }, 1);
            _conditions?.Dispose();
            _conditions = combined;
        }
        using var random = new Generator(_seed);
        _noise = TorchRandom.Normal(new long[] { rows, noiseDimension }, device, random);
    }

    public double Measure(GeneratorNetwork generator)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        using var random = new Generator(_seed + 1);
        return EnergyDistance.Between(_holdout, generator.Generate(_noise, _conditions, random));
    }

    public void Dispose()
    {
        _holdout.Dispose();
        _conditions?.Dispose();
        _noise.Dispose();
    }
}
