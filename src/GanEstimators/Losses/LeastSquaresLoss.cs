using static TorchSharp.torch;

namespace GanEstimators.Losses;

/// <summary>LSGAN (Mao et al. 2017) with targets a = 0 (fake), b = 1 (real), c = 1 (what G wants).</summary>
internal sealed class LeastSquaresLoss : AdversarialLoss
{
    public override GanLoss Kind => GanLoss.LeastSquares;

    public override OptimizerDefaults Defaults => OptimizerDefaults.Dcgan;

    public override double DecisionThreshold => 0.5;

    public override Tensor DiscriminatorLoss(Tensor realScores, Tensor fakeScores) =>
        0.5 * (realScores - 1).pow(2).mean() + 0.5 * fakeScores.pow(2).mean();

    public override Tensor GeneratorLoss(Tensor fakeScores) => 0.5 * (fakeScores - 1).pow(2).mean();
}
