using GanEstimators.Evaluation;
using GanEstimators.Evaluation.Augmentation;
using GanEstimators.Evaluation.Images;
using Microsoft.ML;

// In the core namespace on purpose: code that calls mlContext.Gan() already imports it, so
// mlContext.Gan().Evaluate(...) compiles unchanged once the app references this package.
namespace GanEstimators;

/// <summary>
/// The evaluation operations of <c>mlContext.Gan()</c>, from the <c>GanEstimators.Evaluation</c> package.
/// </summary>
public static class GanCatalogEvaluationExtensions
{
    /// <summary>
    /// How faithful <paramref name="synthetic"/> is to <paramref name="real"/>: per-column distributions, pairwise
    /// trends, a real-vs-synthetic detection AUC and, with <see cref="TabularEvaluationOptions.LabelColumnName"/> and
    /// <see cref="TabularEvaluationOptions.TestData"/>, train-on-synthetic vs train-on-real classification quality.
    /// </summary>
    /// <param name="catalog">The GAN catalog, <c>mlContext.Gan()</c>.</param>
    /// <param name="real">The real rows (the generator's training data).</param>
    /// <param name="synthetic">Generated rows with (at least) the compared columns, each of the same kind as in <paramref name="real"/>.</param>
    /// <param name="options">Columns, label, held-out test rows and seed; defaults compare every column of <paramref name="real"/>.</param>
    /// <exception cref="ArgumentException">A compared column is absent, of an unsupported type, or of another kind in <paramref name="synthetic"/> or the test data.</exception>
    public static TabularFidelityMetrics Evaluate(this GanCatalog catalog, IDataView real, IDataView synthetic, TabularEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return TabularEvaluation.Run(real, synthetic, options ?? new TabularEvaluationOptions());
    }

    /// <summary>
    /// How well the conditional image GAN <paramref name="sampler"/> does, judged by <paramref name="classifier"/>: the
    /// share of generated images classified as the class they were asked for, and the Fréchet distance to
    /// <paramref name="realTest"/> in the classifier's feature space (not Inception FID), with the real-train-vs-test
    /// floor when <see cref="ImageGenerationEvaluationOptions.RealTrainingData"/> is given.
    /// </summary>
    /// <param name="catalog">The GAN catalog, <c>mlContext.Gan()</c>.</param>
    /// <param name="classifier">A classifier trained on real images of the domain (<see cref="DomainImageClassifier.Train"/> or <see cref="DomainImageClassifier.Load"/>).</param>
    /// <param name="sampler">A conditional GAN with one image feature column.</param>
    /// <param name="realTest">Real held-out images, in <see cref="ImageGenerationEvaluationOptions.FeatureColumnName"/> (default <c>Features</c>).</param>
    /// <param name="options">How many images to generate, the seed, the real training images for the floor.</param>
    /// <exception cref="ArgumentException">The sampler is unconditional or makes images the classifier cannot take, or a column is missing.</exception>
    public static ImageGenerationMetrics EvaluateImages(this GanCatalog catalog, DomainImageClassifier classifier, GanSampler sampler, IDataView realTest, ImageGenerationEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return ImageGenerationMetrics.Evaluate(classifier, sampler, realTest, options);
    }

    /// <summary>
    /// Whether synthetic rows help <paramref name="estimator"/> on this data, and by how much: stratified k-fold
    /// cross-validation (as <c>mlContext.MulticlassClassification.CrossValidate</c>) of the estimator trained on each
    /// fold's real rows alone, with random oversampling, with SMOTE-style interpolation and with the rows of a GAN
    /// trained inside the fold on that fold's training rows only, at each of <see cref="AugmentationEvaluationOptions.Ratios"/>,
    /// every method adding the same rows of each class. Scored on the held-out fold; returns means, standard deviations,
    /// fold scores, t-tests against real only and oversampling (the corrected resampled t-test, which the verdicts use,
    /// beside the optimistic plain paired one), and the GAN ratio to use (0 if none beats real only). With
    /// <see cref="AugmentationEvaluationOptions.NumberOfRepeats"/> the k-fold cross-validation is repeated on new folds.
    /// Trains one GAN per fold, so it costs <see cref="AugmentationEvaluationOptions.NumberOfFolds"/> ×
    /// <see cref="AugmentationEvaluationOptions.NumberOfRepeats"/> GAN trainings.
    /// </summary>
    /// <param name="catalog">The GAN catalog, <c>mlContext.Gan()</c>.</param>
    /// <param name="data">The real rows, held in memory during the evaluation; the label must have no missing values.</param>
    /// <param name="estimator">The downstream pipeline, fitted afresh on every training set; it must write the predicted class to <see cref="AugmentationEvaluationOptions.PredictedLabelColumnName"/>.</param>
    /// <param name="options">Label, GAN options, folds, ratios, metric and seed; with <see cref="AugmentationEvaluationOptions.ClassWeightedEstimator"/>, also the class-weights baseline.</param>
    /// <exception cref="ArgumentException">An option is out of range, or the label column is missing, of an unsupported type or has missing values.</exception>
    public static AugmentationEvaluationResult EvaluateAugmentation(this GanCatalog catalog, IDataView data, IEstimator<ITransformer> estimator, AugmentationEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return AugmentationEvaluation.Run(catalog.Environment, catalog, data, estimator, options);
    }

    /// <summary>
    /// <see cref="EvaluateAugmentation(GanCatalog, IDataView, IEstimator{ITransformer}, AugmentationEvaluationOptions)"/>
    /// for several downstream estimators at once: the same folds, the same oversampled, SMOTE and GAN rows (one GAN per
    /// fold for all of them, so k × r GAN trainings in all), one table per estimator, in the order given. Each estimator's
    /// class-weights baseline comes from its <see cref="AugmentationDownstream.ClassWeightedEstimator"/>. An estimator
    /// built from its own <c>MLContext</c> scores exactly as it would evaluated alone with the same options.
    /// </summary>
    /// <param name="catalog">The GAN catalog, <c>mlContext.Gan()</c>.</param>
    /// <param name="data">The real rows, held in memory during the evaluation; the label must have no missing values.</param>
    /// <param name="estimators">The downstream estimators, each with a unique name.</param>
    /// <param name="options">Label, GAN options, folds, ratios, metric and seed; its <see cref="AugmentationEvaluationOptions.ClassWeightedEstimator"/> must be null.</param>
    /// <exception cref="ArgumentException">An option is out of range, an estimator is unnamed or named twice, or the label column is missing, of an unsupported type or has missing values.</exception>
    public static IReadOnlyList<AugmentationEvaluationResult> EvaluateAugmentation(this GanCatalog catalog, IDataView data, IReadOnlyList<AugmentationDownstream> estimators, AugmentationEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return AugmentationEvaluation.Run(catalog.Environment, catalog, data, estimators, options);
    }
}
