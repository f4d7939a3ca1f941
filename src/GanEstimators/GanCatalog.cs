using GanEstimators.Evaluation;
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
    /// How faithful <paramref name="synthetic"/> is to <paramref name="real"/>: per-column distributions, pairwise
    /// trends, a real-vs-synthetic detection AUC and, with <see cref="TabularEvaluationOptions.LabelColumnName"/> and
    /// <see cref="TabularEvaluationOptions.TestData"/>, train-on-synthetic vs train-on-real classification quality.
    /// </summary>
    /// <param name="real">The real rows (the generator's training data).</param>
    /// <param name="synthetic">Generated rows with (at least) the compared columns, each of the same kind as in <paramref name="real"/>.</param>
    /// <param name="options">Columns, label, held-out test rows and seed; defaults compare every column of <paramref name="real"/>.</param>
    /// <exception cref="ArgumentException">A compared column is absent, of an unsupported type, or of another kind in <paramref name="synthetic"/> or the test data.</exception>
    public TabularFidelityMetrics Evaluate(IDataView real, IDataView synthetic, TabularEvaluationOptions? options = null) =>
        TabularEvaluation.Run(real, synthetic, options ?? new TabularEvaluationOptions());
}
