using static TorchSharp.torch;
using GanEstimators.Native;

namespace GanEstimators.Losses;

/// <summary>The "−log D trick": same fixed point as minimax, strong gradients while G is still bad.</summary>
internal sealed class NonSaturatingLoss : BinaryCrossEntropyLoss
{
    // −log sigmoid(x) = softplus(−x)
    public override Tensor GeneratorLoss(Tensor fakeScores) => RootedFunctions.Softplus(-fakeScores).mean();
}
