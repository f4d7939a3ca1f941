using static TorchSharp.torch;

namespace GanEstimators.Losses;

/// <summary>The Wasserstein objective (Arjovsky et al. 2017): an unbounded critic whose mean gap estimates the Earth-Mover distance. Subclasses keep it Lipschitz.</summary>
internal abstract class WassersteinCriticLoss : AdversarialLoss
{
    public override bool IsCritic => true;

    public override Tensor DiscriminatorLoss(Tensor realScores, Tensor fakeScores) => fakeScores.mean() - realScores.mean();

    public override Tensor GeneratorLoss(Tensor fakeScores) => -fakeScores.mean();
}
