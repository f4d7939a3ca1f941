using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Losses;

/// <summary>WGAN-GP (Gulrajani et al. 2017): a soft 1-Lipschitz constraint on random interpolates.</summary>
internal sealed class WassersteinGradientPenaltyLoss(double penaltyWeight) : WassersteinCriticLoss
{
    public const double PaperPenaltyWeight = 10.0;

    public override OptimizerDefaults Defaults { get; } = new(GanOptimizer.Adam, 1e-4, 0.5, 0.9, 5);

    private readonly TorchSharp.Scalar _penaltyWeight = penaltyWeight.ToScalar();

    public override Tensor? Penalty(Func<Tensor, Tensor> discriminator, Tensor real, Tensor fake, Generator? random)
    {
        var shape = new long[real.dim()];
        shape[0] = real.shape[0];
        for (var i = 1; i < shape.Length; i++) shape[i] = 1;
        var alpha = TorchRandom.Uniform(shape, real.device, random, real.dtype);
        // fake + α·(real − fake), the paper's α·real + (1 − α)·fake.
        var interpolates = fake.Plus((real - fake).mul_(alpha)).detach().requires_grad_(true);
        var scores = discriminator(interpolates);
        var gradients = autograd.grad(
            new[] { scores }, new[] { interpolates }, new[] { ones_like(scores) },
            retain_graph: true, create_graph: true)[0];
        var norms = gradients.reshape(gradients.shape[0], -1).norm(1);
        return (norms - TorchScalars.One).pow(TorchScalars.Two).mean() * _penaltyWeight;
    }
}
