using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Losses;

/// <summary>Hinge loss (Lim &amp; Ye 2017; Miyato et al. 2018): margins at ±1 for D, −D(G(z)) for G.</summary>
internal sealed class HingeLoss : AdversarialLoss
{
    public override GanLoss Kind => GanLoss.Hinge;

    public override OptimizerDefaults Defaults => OptimizerDefaults.Dcgan;

    public override Tensor DiscriminatorLoss(Tensor realScores, Tensor fakeScores) =>
        F.relu(1 - realScores).mean() + F.relu(1 + fakeScores).mean();

    public override Tensor GeneratorLoss(Tensor fakeScores) => -fakeScores.mean();
}
