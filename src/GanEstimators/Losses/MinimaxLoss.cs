using static TorchSharp.torch;
using GanEstimators.Native;

namespace GanEstimators.Losses;

/// <summary>The original saturating game: G minimises log(1 − D(G(z))), whose gradient vanishes once D wins.</summary>
internal sealed class MinimaxLoss : BinaryCrossEntropyLoss
{
    // log(1 − sigmoid(x)) = −softplus(x)
    public override Tensor GeneratorLoss(Tensor fakeScores) => -RootedFunctions.Softplus(fakeScores).mean();
}
