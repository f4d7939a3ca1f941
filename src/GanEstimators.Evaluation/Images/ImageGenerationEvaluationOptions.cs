using GanEstimators.Loading;
using Microsoft.ML;

namespace GanEstimators.Evaluation.Images;

/// <summary>Columns, the real training images for the floor, and how much to generate, for <see cref="ImageGenerationMetrics"/>.</summary>
public sealed class ImageGenerationEvaluationOptions
{
    /// <summary>
    /// The image column of the real data and of a generated data view (with a <see cref="GanSampler"/>, the generated
    /// images are its feature column). Default <c>Features</c>.
    /// </summary>
    public string FeatureColumnName { get; set; } = IdxImages.FeaturesColumnName;

    /// <summary>
    /// The class column: the requested class of generated images (with a <see cref="GanSampler"/>, the class each batch
    /// was asked for), the true class of real images. Real images need not have it. Default <c>Label</c>.
    /// </summary>
    public string LabelColumnName { get; set; } = IdxImages.LabelColumnName;

    /// <summary>
    /// Real training images. When given, <see cref="ImageGenerationMetrics.DomainFrechetFloor"/> is their distance to
    /// the real test images: what a perfect generator could reach with sets of these sizes. Use as many as the
    /// generated images (the distance's bias depends on the number of images).
    /// </summary>
    public IDataView? RealTrainingData { get; set; }

    /// <summary>Images to generate with a <see cref="GanSampler"/>, spread evenly over its classes. Default 10,000.</summary>
    public int GeneratedCount { get; set; } = 10_000;

    /// <summary>Seed of the generation with a <see cref="GanSampler"/> (class k uses Seed + k). Default 0.</summary>
    public int Seed { get; set; }
}
