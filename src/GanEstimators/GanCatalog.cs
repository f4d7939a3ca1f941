using GanEstimators.Augmentation;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace GanEstimators;

/// <summary>Entry point: <c>mlContext.Gan()</c>.</summary>
public static class MLContextGanExtensions
{
    /// <summary>The GAN operations of this context.</summary>
    public static GanCatalog Gan(this MLContext mlContext) =>
        new(mlContext ?? throw new ArgumentNullException(nameof(mlContext)));
}

/// <summary>GAN estimators and helpers, reached through <c>mlContext.Gan()</c>.</summary>
/// <remarks>The quality metrics (<c>Evaluate</c>, <c>EvaluateImages</c>) are extension methods from the <c>GanEstimators.Evaluation</c> package.</remarks>
public sealed class GanCatalog
{
    internal GanCatalog(IHostEnvironment environment) => Environment = environment;

    internal IHostEnvironment Environment { get; }

    /// <summary>A GAN trainer with every option spelled out.</summary>
    public GanTrainer Trainer(GanTrainer.Options options) => new(Environment, options);

    /// <summary>A GAN trainer for the common case: one feature column, an optional condition column.</summary>
    /// <param name="featureColumnName">The column to imitate (numeric scalar or known-size Single vector).</param>
    /// <param name="conditionColumnName">Optional class column for a conditional GAN.</param>
    /// <param name="loss">The adversarial objective.</param>
    /// <param name="epochs">Passes over the data.</param>
    public GanTrainer Trainer(string featureColumnName, string? conditionColumnName = null, GanLoss loss = GanLoss.WassersteinGradientPenalty, int epochs = 300) =>
        Trainer(new GanTrainer.Options
        {
            FeatureColumnNames = new[] { featureColumnName },
            ConditionColumnName = conditionColumnName,
            Loss = loss,
            Epochs = epochs,
        });

    /// <summary>
    /// The real rows of <paramref name="data"/> followed by synthetic rows from <paramref name="sampler"/>: a fixed
    /// number (<see cref="GanAugmentationOptions.SyntheticRowCount"/>), or enough of each class to make the classes of
    /// <see cref="GanAugmentationOptions.BalanceColumnName"/> even (or, with <see cref="GanAugmentationOptions.BalanceRatio"/>,
    /// to bring each up to that share of the largest).
    /// </summary>
    /// <remarks>
    /// The result has the columns of <paramref name="data"/> that the sampler generates (its features and condition
    /// column), in the data's order and types; the data's other columns are dropped. Real rows come first, unchanged.
    /// Nothing is generated here: synthetic rows are made chunk by chunk (<see cref="GanAugmentationOptions.ChunkSize"/>)
    /// when a cursor reaches them, so a downstream <c>Fit</c> streams them, and every cursor sees the same rows.
    /// Only the real data is read now: once to count its rows (or classes, when balancing).
    /// </remarks>
    /// <param name="data">The real rows, with the columns the GAN was trained on, in their training types.</param>
    /// <param name="sampler">The trained GAN.</param>
    /// <param name="options">How many rows to add; see <see cref="GanAugmentationOptions"/>.</param>
    /// <exception cref="ArgumentException">The options are inconsistent, the data lacks a generated column or holds it in another type, or the balance column is not one the sampler can condition on.</exception>
    public IDataView Augment(IDataView data, GanSampler sampler, GanAugmentationOptions options) =>
        GanAugmentation.Create(Environment, data, sampler, options);
}
