using System.Globalization;
using System.Text;
using Microsoft.ML;

namespace GanEstimators.Evaluation.Images;

/// <summary>
/// How well a conditional image GAN does, judged by a <see cref="DomainImageClassifier"/>: whether generated images
/// look like the class they were asked for, and the Fréchet distance between generated and real images in the
/// classifier's penultimate feature space, next to the same distance between real training and real test images.
/// </summary>
/// <remarks>
/// The distance is computed like FID but with a small classifier of the domain instead of Inception v3 (not available
/// offline), so its values are not comparable with published FID figures, only with each other for the same classifier
/// file and set sizes.
/// </remarks>
public sealed class ImageGenerationMetrics
{
    /// <summary>What the distance is, to show wherever the number is shown.</summary>
    public const string DistanceDescription = "Fréchet distance in a domain classifier's feature space (not Inception FID)";

    internal ImageGenerationMetrics(
        double conditionalAccuracy, IReadOnlyDictionary<string, double> conditionalAccuracyByClass, double domainFrechetDistance,
        double? domainFrechetFloor, double? realTestAccuracy, int generatedCount, int realTestCount, int? realTrainingCount)
    {
        ConditionalAccuracy = conditionalAccuracy;
        ConditionalAccuracyByClass = conditionalAccuracyByClass;
        DomainFrechetDistance = domainFrechetDistance;
        DomainFrechetFloor = domainFrechetFloor;
        RealTestAccuracy = realTestAccuracy;
        GeneratedCount = generatedCount;
        RealTestCount = realTestCount;
        RealTrainingCount = realTrainingCount;
    }

    /// <summary>Share of generated images that the classifier assigns to the class they were generated for.</summary>
    public double ConditionalAccuracy { get; }

    /// <summary><see cref="ConditionalAccuracy"/> per requested class (classes asked for at least once).</summary>
    public IReadOnlyDictionary<string, double> ConditionalAccuracyByClass { get; }

    /// <summary><see cref="DistanceDescription"/> between the generated and the real test images (lower is better).</summary>
    public double DomainFrechetDistance { get; }

    /// <summary>The same distance between the real training and the real test images, or null without <see cref="ImageGenerationEvaluationOptions.RealTrainingData"/>.</summary>
    public double? DomainFrechetFloor { get; }

    /// <summary>The classifier's accuracy on the real test images (the ceiling of <see cref="ConditionalAccuracy"/>), or null when they have no label column.</summary>
    public double? RealTestAccuracy { get; }

    /// <summary>Generated images judged.</summary>
    public int GeneratedCount { get; }

    /// <summary>Real test images compared with.</summary>
    public int RealTestCount { get; }

    /// <summary>Real training images behind <see cref="DomainFrechetFloor"/>, or null.</summary>
    public int? RealTrainingCount { get; }

    /// <summary>
    /// Judges <paramref name="generated"/>: images in <see cref="ImageGenerationEvaluationOptions.FeatureColumnName"/>,
    /// each with the class it was generated for in <see cref="ImageGenerationEvaluationOptions.LabelColumnName"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A column is missing, of the wrong type or size, or a requested class is missing.</exception>
    public static ImageGenerationMetrics Evaluate(DomainImageClassifier classifier, IDataView generated, IDataView realTest, ImageGenerationEvaluationOptions? options = null) =>
        ImageGenerationEvaluation.Run(classifier, generated, realTest, options ?? new ImageGenerationEvaluationOptions());

    /// <summary>
    /// Generates <see cref="ImageGenerationEvaluationOptions.GeneratedCount"/> images with the conditional
    /// <paramref name="sampler"/>, an even share of each of its classes, and judges them.
    /// </summary>
    /// <exception cref="ArgumentException">The sampler is unconditional, has more than one feature column, makes images of another size, or knows a class the classifier does not.</exception>
    public static ImageGenerationMetrics Evaluate(DomainImageClassifier classifier, GanSampler sampler, IDataView realTest, ImageGenerationEvaluationOptions? options = null) =>
        ImageGenerationEvaluation.Run(classifier, sampler, realTest, options ?? new ImageGenerationEvaluationOptions());

    /// <summary>A few lines with every figure, naming the distance for what it is.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Conditional accuracy: {ConditionalAccuracy:P1} of {GeneratedCount:N0} generated images classified as the class they were generated for");
        if (RealTestAccuracy is { } ceiling) text.Append(CultureInfo.InvariantCulture, $" (the classifier's accuracy on the real test images: {ceiling:P1})");
        text.AppendLine();
        text.Append("  by class: ").AppendLine(string.Join(", ",
            ConditionalAccuracyByClass.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:P1}"))));
        text.Append(CultureInfo.InvariantCulture,
            $"{DistanceDescription}: {DomainFrechetDistance:F3} ({GeneratedCount:N0} generated vs {RealTestCount:N0} real test images)");
        if (DomainFrechetFloor is { } floor)
            text.Append(CultureInfo.InvariantCulture, $"; floor {floor:F3} ({RealTrainingCount:N0} real training vs {RealTestCount:N0} real test images)");
        return text.ToString();
    }
}
