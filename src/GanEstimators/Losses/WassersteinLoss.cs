using static TorchSharp.torch;

namespace GanEstimators.Losses;

/// <summary>WGAN with weight clipping (Arjovsky et al. 2017): the critic estimates the Earth-Mover distance.</summary>
internal sealed class WassersteinLoss(double clipValue) : AdversarialLoss
{
    public const double PaperClipValue = 0.01;

    public override GanLoss Kind => GanLoss.Wasserstein;

    public override OptimizerDefaults Defaults { get; } = new(GanOptimizer.RmsProp, 5e-5, 0, 0, 5);

    public override bool IsCritic => true;

    public double ClipValue { get; } = clipValue;

    public override Tensor DiscriminatorLoss(Tensor realScores, Tensor fakeScores) => fakeScores.mean() - realScores.mean();

    public override Tensor GeneratorLoss(Tensor fakeScores) => -fakeScores.mean();

    public override void AfterDiscriminatorStep(nn.Module discriminator)
    {
        using var _ = no_grad();
        foreach (var parameter in discriminator.parameters())
            parameter.clamp_(-ClipValue, ClipValue);
    }
}
