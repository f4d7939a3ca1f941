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

    public HeldOutQualityMonitor(float[] encoded, int rows, int width, int[]? classIndices, int classCount, int noiseDimension, int seed, Device device)
    {
        _holdout = tensor(encoded, new long[] { rows, width }).to(device);
        if (classIndices is not null)
        {
            using var indices = tensor(classIndices.Select(i => (long)i).ToArray());
            _conditions = F.one_hot(indices, classCount).to(float32).to(device);
        }
        using var random = new Generator((ulong)seed + 0xE5, device);
        _noise = randn(rows, noiseDimension, device: device, generator: random);
    }

    public double Measure(ConditionalMlp generator)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return EnergyDistance.Between(_holdout, generator.forward(_noise, _conditions));
    }

    public void Dispose()
    {
        _holdout.Dispose();
        _conditions?.Dispose();
        _noise.Dispose();
    }
}
