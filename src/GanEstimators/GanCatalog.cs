using GanEstimators.Evaluation;
using GanEstimators.Augmentation;
using GanEstimators.Evaluation.Images;
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

    /// <summary>
    /// How well the conditional image GAN <paramref name="sampler"/> does, judged by <paramref name="classifier"/>: the
    /// share of generated images classified as the class they were asked for, and the Fréchet distance to
    /// <paramref name="realTest"/> in the classifier's feature space (not Inception FID), with the real-train-vs-test
    /// floor when <see cref="ImageGenerationEvaluationOptions.RealTrainingData"/> is given.
    /// </summary>
    /// <param name="classifier">A classifier trained on real images of the domain (<see cref="DomainImageClassifier.Train"/> or <see cref="DomainImageClassifier.Load"/>).</param>
    /// <param name="sampler">A conditional GAN with one image feature column.</param>
    /// <param name="realTest">Real held-out images, in <see cref="ImageGenerationEvaluationOptions.FeatureColumnName"/> (default <c>Features</c>).</param>
    /// <param name="options">How many images to generate, the seed, the real training images for the floor.</param>
    /// <exception cref="ArgumentException">The sampler is unconditional or makes images the classifier cannot take, or a column is missing.</exception>
    public ImageGenerationMetrics EvaluateImages(DomainImageClassifier classifier, GanSampler sampler, IDataView realTest, ImageGenerationEvaluationOptions? options = null) =>
        ImageGenerationMetrics.Evaluate(classifier, sampler, realTest, options);
}
