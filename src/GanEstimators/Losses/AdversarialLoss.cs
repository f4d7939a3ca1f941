using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Losses;

/// <summary>
/// One adversarial objective. The discriminator returns one raw score per row (a logit, a critic value or a
/// least-squares regression output); the loss decides what that score means.
/// </summary>
internal abstract class AdversarialLoss
{
    public abstract OptimizerDefaults Defaults { get; }

    /// <summary>True for Wasserstein critics: scores are unbounded and there is no real/fake accuracy.</summary>
    public virtual bool IsCritic => false;

    public abstract Tensor DiscriminatorLoss(Tensor realScores, Tensor fakeScores);

    public abstract Tensor GeneratorLoss(Tensor fakeScores);

    /// <summary>An extra discriminator term computed on the inputs (the WGAN-GP gradient penalty); null when none.</summary>
    public virtual Tensor? Penalty(Func<Tensor, Tensor> discriminator, Tensor real, Tensor fake, Generator? random) => null;

    /// <summary>Called after every discriminator update (weight clipping).</summary>
    public virtual void AfterDiscriminatorStep(nn.Module discriminator) { }

    /// <summary>A score in the units users know: a probability for the BCE losses, the raw output otherwise.</summary>
    public virtual Tensor Interpret(Tensor scores) => scores;

    /// <summary>The raw score above which the discriminator calls a row real.</summary>
    public virtual double DecisionThreshold => 0.0;
}
