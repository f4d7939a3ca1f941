using static TorchSharp.torch;

namespace GanEstimators.Losses;

/// <summary>LSGAN (Mao et al. 2017) with targets a = 0 (fake), b = 1 (real), c = 1 (what G wants).</summary>
internal sealed class LeastSquaresLoss : AdversarialLoss
{
    public override OptimizerDefaults Defaults => OptimizerDefaults.Dcgan;

    public override double DecisionThreshold => 0.5;

    public override Tensor DiscriminatorLoss(Tensor realScores, Tensor fakeScores) =>
        ((realScores - TorchScalars.One).pow(TorchScalars.Two).mean() * TorchScalars.Half).Plus(fakeScores.pow(TorchScalars.Two).mean() * TorchScalars.Half);

    public override Tensor GeneratorLoss(Tensor fakeScores) => (fakeScores - TorchScalars.One).pow(TorchScalars.Two).mean() * TorchScalars.Half;
}
