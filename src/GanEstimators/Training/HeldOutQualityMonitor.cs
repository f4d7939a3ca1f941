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
    private readonly FixedNoiseRows _generated;

    public HeldOutQualityMonitor(EncodedRows holdout, ConditionalVector? categories, int noiseDimension, int seed, Device device)
    {
        var monitorSeed = (ulong)seed + 0xE5;
        var rows = holdout.Count;
        _holdout = holdout.ToTensor(device);
        var conditions = holdout.ClassesOneHot(device);
        if (categories is { Width: > 0 })
        {
            var vector = new float[rows * categories.Width];
            SamplingDraws.Fill(categories, rows, vector, new Random(seed), holdout.Classes);
            using var categoryConditions = tensor(vector, new long[] { rows, categories.Width }).to(device);
            var combined = conditions is null ? categoryConditions.alias() : cat(new[] { conditions, categoryConditions }, 1);
            conditions?.Dispose();
            conditions = combined;
        }
        using var random = new Generator(monitorSeed);
        _generated = new FixedNoiseRows(random, rows, noiseDimension, conditions, monitorSeed + 1, device);
    }

    public double Measure(GeneratorNetwork generator)
    {
        using var scope = NewDisposeScope();
        return EnergyDistance.Between(_holdout, _generated.Generate(generator));
    }

    public void Dispose()
    {
        _holdout.Dispose();
        _generated.Dispose();
    }
}
