using GanEstimators;
using GanEstimators.Augmentation;
using Microsoft.ML;

namespace AugmentationBenchmark;

/// <summary>A conditional WGAN-GP trained on the subset, then <c>Augment</c> with balancing on the weather class.</summary>
public static class GanBalancing
{
    /// <summary>The lazy augmented view (the real subset, then synthetic rows of the smaller classes) and the sampler behind it.</summary>
    public static (IDataView Augmented, GanSampler Sampler) Balance(MLContext ml, IReadOnlyList<WeatherRow> subset, int epochs, int seed)
    {
        var real = ml.Data.LoadFromEnumerable(subset);
        var sampler = ml.Gan().Trainer(new GanTrainer.Options
        {
            FeatureColumnNames = WeatherRow.FeatureColumns,
            ConditionColumnName = WeatherRow.ClassColumn,
            Loss = GanLoss.WassersteinGradientPenalty,
            Epochs = epochs,
            // The tabular settings of BENCHMARKS.md (`ganest train`'s: CTGAN's batch, no packing); the subset is smaller
            // than one batch, so an epoch is a single step.
            BatchSize = 500,
            PacSize = 1,
            Seed = seed,
        }).Fit(real);
        var augmented = ml.Gan().Augment(real, sampler, new GanAugmentationOptions { BalanceColumnName = WeatherRow.ClassColumn, Seed = seed });
        return (augmented, sampler);
    }
}
