using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Losses;

/// <summary>
/// Hinge loss (Lim &amp; Ye 2017; Miyato et al. 2018): margins at ±1 for D, −D(G(z)) for G. Optimiser defaults are
/// SN-GAN's (Adam 2e-4, β = (0, 0.9), 5 critic steps): with DCGAN's single step the unbounded generator loss oscillates.
/// </summary>
internal sealed class HingeLoss : AdversarialLoss
{
    public override OptimizerDefaults Defaults { get; } = new(GanOptimizer.Adam, 2e-4, 0.0, 0.9, 5);

    public override Tensor DiscriminatorLoss(Tensor realScores, Tensor fakeScores) =>
        F.relu((realScores - TorchScalars.One).neg()).mean().Plus(F.relu(fakeScores.Plus(TorchScalars.One)).mean());

    public override Tensor GeneratorLoss(Tensor fakeScores) => -fakeScores.mean();
}
