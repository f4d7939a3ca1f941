using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Losses;

internal static class BinaryCrossEntropy
{
    /// <summary>−log D(x) − log(1 − D(G(z))) on logits, written with softplus for numerical stability.</summary>
    public static Tensor RealVersusFake(Tensor realLogits, Tensor fakeLogits) =>
        F.softplus(-realLogits).mean() + F.softplus(fakeLogits).mean();
}
