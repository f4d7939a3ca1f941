using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Losses;

/// <summary>The "−log D trick": same fixed point as minimax, strong gradients while G is still bad.</summary>
internal sealed class NonSaturatingLoss : AdversarialLoss
{
    public override GanLoss Kind => GanLoss.NonSaturating;

    public override OptimizerDefaults Defaults => OptimizerDefaults.Dcgan;

    public override Tensor DiscriminatorLoss(Tensor realScores, Tensor fakeScores) =>
        BinaryCrossEntropy.RealVersusFake(realScores, fakeScores);

    // −log sigmoid(x) = softplus(−x)
    public override Tensor GeneratorLoss(Tensor fakeScores) => F.softplus(-fakeScores).mean();

    public override Tensor Interpret(Tensor scores) => scores.sigmoid();
}
