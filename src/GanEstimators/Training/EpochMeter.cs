using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>
/// Sums each step's metrics on the device and reads them back once per epoch, so measuring adds no
/// device-to-host synchronisation to the training steps.
/// </summary>
internal sealed class EpochMeter : IDisposable
{
    private const int Count = 6;
    private readonly Tensor _sums;
    private int _steps;

    public EpochMeter(Device device) => _sums = zeros(Count, dtype: float64, device: device);

    public void Reset()
    {
        _sums.zero_();
        _steps = 0;
    }

    /// <summary>Adds one step's scalars; <paramref name="accuracy"/> is null for critics, which have none.</summary>
    public void Add(Tensor discriminatorLoss, Tensor generatorLoss, Tensor meanReal, Tensor meanFake, Tensor generatorGradientNorm, Tensor? accuracy)
    {
        var values = accuracy is null
            ? new[] { discriminatorLoss, generatorLoss, meanReal, meanFake, generatorGradientNorm }
            : new[] { discriminatorLoss, generatorLoss, meanReal, meanFake, generatorGradientNorm, accuracy };
        using var step = stack(values);
        if (accuracy is null) _sums[..5].add_(step, TorchScalars.One);
        else _sums.add_(step, TorchScalars.One);
        _steps++;
    }

    public GanEpochMetrics Read(int epoch, double seconds, bool isCritic)
    {
        using var cpu = _sums.cpu();
        var mean = cpu.data<double>().ToArray().Select(v => v / Math.Max(1, _steps)).ToArray();
        return new GanEpochMetrics
        {
            Epoch = epoch,
            DiscriminatorLoss = mean[0],
            GeneratorLoss = mean[1],
            MeanRealScore = mean[2],
            MeanFakeScore = mean[3],
            DiscriminatorAccuracy = isCritic ? double.NaN : mean[5],
            // For a critic the scores are raw, so mean D(real) − mean D(fake) is the Earth-Mover estimate.
            WassersteinEstimate = isCritic ? mean[2] - mean[3] : double.NaN,
            GeneratorGradientNorm = mean[4],
            Seconds = seconds,
        };
    }

    public void Dispose() => _sums.Dispose();
}
