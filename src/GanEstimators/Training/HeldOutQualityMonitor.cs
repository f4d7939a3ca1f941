using GanEstimators.Networks;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

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

    public HeldOutQualityMonitor(float[] encoded, int rows, int width, int[]? classIndices, int classCount, CategoryConditions? categories, int noiseDimension, int seed, Device device)
    {
        _seed = (ulong)seed + 0xE5;
        _holdout = tensor(encoded, new long[] { rows, width }).to(device);
        if (classIndices is not null)
        {
            using var indices = tensor(classIndices.Select(i => (long)i).ToArray());
            _conditions = F.one_hot(indices, classCount).to(float32).to(device);
        }
        if (categories is { Width: > 0 })
        {
            var vector = new float[rows * categories.Width];
            categories.DrawForSampling(rows, vector, new Random(seed), classIndices);
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
