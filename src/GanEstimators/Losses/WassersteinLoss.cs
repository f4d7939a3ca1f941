using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Losses;

/// <summary>WGAN with weight clipping (Arjovsky et al. 2017): every critic weight is clamped to ±clip after each update.</summary>
internal sealed class WassersteinLoss(double clipValue) : WassersteinCriticLoss
{
    public const double PaperClipValue = 0.01;

    public override OptimizerDefaults Defaults { get; } = new(GanOptimizer.RmsProp, 5e-5, 0, 0, 5);

    private readonly TorchSharp.Scalar _lower = (-clipValue).ToScalar();
    private readonly TorchSharp.Scalar _upper = clipValue.ToScalar();

    private (nn.Module Owner, TorchSharp.Modules.Parameter[] Parameters)? _critic;

    public override void AfterDiscriminatorStep(nn.Module discriminator)
    {
        // parameters() walks the module tree on every call; the list is fetched once per critic.
        if (_critic is not { } critic || !ReferenceEquals(critic.Owner, discriminator))
            _critic = critic = (discriminator, discriminator.parameters().ToArray());
        using var _ = no_grad();
        foreach (var parameter in critic.Parameters)
            parameter.clamp_(_lower, _upper);
    }
}
