using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>Székely's energy distance 2E|X−Y| − E|X−X'| − E|Y−Y'|: zero exactly when the two samples' distributions match.</summary>
internal static class EnergyDistance
{
    public static double Between(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var cross = cdist(x, y).mean();
        return (2 * cross - WithinMean(x) - WithinMean(y)).item<float>();
    }

    private static Tensor WithinMean(Tensor x)
    {
        var n = x.shape[0];
        return n < 2 ? zeros(1, device: x.device).squeeze() : cdist(x, x).sum() / (n * (n - 1));
    }
}
