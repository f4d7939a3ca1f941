using static TorchSharp.torch;
using GanEstimators.Native;

namespace GanEstimators.Losses;

/// <summary>The original GAN discriminator: a logistic classifier of real versus generated rows (Goodfellow et al. 2014).</summary>
internal abstract class BinaryCrossEntropyLoss : AdversarialLoss
{
    public override OptimizerDefaults Defaults => OptimizerDefaults.Dcgan;

    /// <summary>−log D(x) − log(1 − D(G(z))) on logits, written with softplus for numerical stability.</summary>
    public override Tensor DiscriminatorLoss(Tensor realScores, Tensor fakeScores) =>
        RootedFunctions.Softplus(-realScores).mean().Plus(RootedFunctions.Softplus(fakeScores).mean());

    public override Tensor Interpret(Tensor scores) => scores.sigmoid();
}
