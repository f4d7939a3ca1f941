using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>
/// Sums each step's metrics on the device and reads them back once per epoch, so measuring adds no
/// device-to-host synchronisation to the training steps.
/// </summary>
internal sealed class EpochMeter : IDisposable
{
    private const int Count = 7;
    private readonly Tensor _sums;
    private int _steps;

    public EpochMeter(Device device) => _sums = zeros(Count, dtype: float64, device: device);

    public void Reset()
    {
        _sums.zero_();
        _steps = 0;
    }

    public void Add(Tensor discriminatorLoss, Tensor generatorLoss, Tensor meanReal, Tensor meanFake, Tensor accuracy, Tensor wasserstein, Tensor generatorGradientNorm)
    {
        using var step = stack(new[] { discriminatorLoss, generatorLoss, meanReal, meanFake, accuracy, wasserstein, generatorGradientNorm }).to(float64);
        _sums.add_(step);
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
            DiscriminatorAccuracy = isCritic ? double.NaN : mean[4],
            WassersteinEstimate = isCritic ? mean[5] : double.NaN,
            GeneratorGradientNorm = mean[6],
            Seconds = seconds,
        };
    }

    public void Dispose() => _sums.Dispose();
}
