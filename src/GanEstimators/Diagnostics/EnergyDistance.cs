using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Diagnostics;

/// <summary>Székely's energy distance 2E|X−Y| − E|X−X'| − E|Y−Y'|: zero exactly when the two samples' distributions match.</summary>
internal static class EnergyDistance
{
    public static double Between(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var cross = cdist(x, y).mean();
        return (cross * TorchScalars.Two - WithinMean(x) - WithinMean(y)).item<float>();
    }

    /// <summary>E|X−X'|, the mean distance between distinct rows of <paramref name="x"/> (0 for fewer than two rows).</summary>
    public static Tensor WithinMean(Tensor x)
    {
        var n = x.shape[0];
        if (n < 2) return zeros(1, device: x.device).squeeze();
        using var pairs = ((double)n * (n - 1)).ToScalar();
        return cdist(x, x).sum() / pairs;
    }
}
