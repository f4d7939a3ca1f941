using GanEstimators;
using GanEstimators.Augmentation;
using Microsoft.ML;

namespace AugmentationBenchmark;

/// <summary>
/// A conditional WGAN-GP trained on the subset (the four measurements, and the date when the classifier uses it), then
/// <c>Augment</c> with balancing on the weather class.
/// </summary>
public static class GanBalancing
{
    /// <summary>The GAN trained on the subset.</summary>
    public static GanSampler Train(MLContext ml, IReadOnlyList<WeatherRow> subset, int epochs, int seed, bool withDate, double frequencyWeight)
    {
        var real = ml.Data.LoadFromEnumerable(subset);
        return ml.Gan().Trainer(new GanTrainer.Options
        {
            FeatureColumnNames = withDate ? WeatherRow.FeatureColumns.Prepend(WeatherRow.DateColumn).ToArray() : WeatherRow.FeatureColumns,
            ConditionColumnName = WeatherRow.ClassColumn,
            Loss = GanLoss.WassersteinGradientPenalty,
            Epochs = epochs,
            // The tabular settings of BENCHMARKS.md (`ganest train`'s: CTGAN's batch, no packing); the subset is smaller
            // than one batch, so an epoch is a single step.
            BatchSize = 500,
            PacSize = 1,
            Seed = seed,
            FrequencyMatchingWeight = frequencyWeight,
        }).Fit(real);
    }

    /// <summary>The lazy augmented view: the real subset, then synthetic rows of the smaller classes up to <paramref name="ratio"/> of the largest.</summary>
    public static IDataView Balance(MLContext ml, IReadOnlyList<WeatherRow> subset, GanSampler sampler, double ratio, int seed) =>
        ml.Gan().Augment(ml.Data.LoadFromEnumerable(subset), sampler,
            new GanAugmentationOptions { BalanceColumnName = WeatherRow.ClassColumn, BalanceRatio = ratio, Seed = seed });
}
