using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Losses;

/// <summary>The original saturating game: G minimises log(1 − D(G(z))), whose gradient vanishes once D wins.</summary>
internal sealed class MinimaxLoss : BinaryCrossEntropyLoss
{
    // log(1 − sigmoid(x)) = −softplus(x)
    public override Tensor GeneratorLoss(Tensor fakeScores) => -F.softplus(fakeScores).mean();
}
