using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Losses;

/// <summary>The original GAN discriminator: a logistic classifier of real versus generated rows (Goodfellow et al. 2014).</summary>
internal abstract class BinaryCrossEntropyLoss : AdversarialLoss
{
    public override OptimizerDefaults Defaults => OptimizerDefaults.Dcgan;

    /// <summary>−log D(x) − log(1 − D(G(z))) on logits, written with softplus for numerical stability.</summary>
    public override Tensor DiscriminatorLoss(Tensor realScores, Tensor fakeScores) =>
        F.softplus(-realScores).mean().Plus(F.softplus(fakeScores).mean());

    public override Tensor Interpret(Tensor scores) => scores.sigmoid();
}
