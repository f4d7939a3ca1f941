namespace GanEstimators.Losses;

/// <summary>The optimiser settings a loss's paper prescribes; every field can be overridden in <see cref="GanTrainer.Options"/>.</summary>
internal sealed record OptimizerDefaults(
    GanOptimizer Optimizer,
    double LearningRate,
    double Beta1,
    double Beta2,
    int CriticSteps)
{
    public static readonly OptimizerDefaults Dcgan = new(GanOptimizer.Adam, 2e-4, 0.5, 0.999, 1);
}
