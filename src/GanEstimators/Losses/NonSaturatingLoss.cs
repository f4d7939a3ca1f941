using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Losses;

/// <summary>The "−log D trick": same fixed point as minimax, strong gradients while G is still bad.</summary>
internal sealed class NonSaturatingLoss : BinaryCrossEntropyLoss
{
    // −log sigmoid(x) = softplus(−x)
    public override Tensor GeneratorLoss(Tensor fakeScores) => F.softplus(-fakeScores).mean();
}
