using GanEstimators.Encoding;
using GanEstimators.Losses;
using GanEstimators.Networks;
using Microsoft.ML.Data;

namespace GanEstimators.Training;

/// <summary>
/// The network family of a training run, resolved once from the options and the feature columns (before any encoder
/// exists, since the family decides the encoding), with the image shape and discriminator normalisation of DCGAN.
/// </summary>
internal sealed record NetworkPlan(GanArchitecture Architecture, ImageShape? Image, DiscriminatorNormalisation Normalisation)
{
    public static NetworkPlan Resolve(IReadOnlyList<FeatureColumn> features, GanTrainer.Options options)
    {
        var architecture = options.Architecture;
        if (architecture == GanArchitecture.Auto)
            architecture = options.Image.Shape is not null || (features.Count == 1 && ImageDimensions(features[0]) is not null) ? GanArchitecture.Dcgan
                : features.Any(f => f.IsCategorical || ColumnEncoderFactory.IsModeNormalised(f, options)) ? GanArchitecture.Residual
                : GanArchitecture.Mlp;
        if (architecture != GanArchitecture.Dcgan)
        {
            if (options.Image.SpectralNormalization)
                throw new ArgumentException(
                    $"GanTrainer.Options.Image.SpectralNormalization applies to the DCGAN discriminator only; these feature columns resolve to the {architecture} architecture.", "Image.SpectralNormalization");
            return new NetworkPlan(architecture, null, DiscriminatorNormalisation.None);
        }
        var normalisation = options.Image.SpectralNormalization ? DiscriminatorNormalisation.Spectral
            // Batch statistics mix the samples of a batch, which the critics' per-sample gradient penalty and
            // weight-clipped Lipschitz bound do not allow for.
            : AdversarialLossFactory.Create(options.Loss, null, null).IsCritic ? DiscriminatorNormalisation.None
            : DiscriminatorNormalisation.BatchNorm;
        return new NetworkPlan(GanArchitecture.Dcgan, ImageOf(features, options), normalisation);
    }

    private static ImageShape ImageOf(IReadOnlyList<FeatureColumn> features, GanTrainer.Options options)
    {
        if (features.Count != 1)
            throw new ArgumentException(
                $"Architecture = Dcgan needs exactly one feature column, a Single vector of pixels; FeatureColumnNames names {features.Count}.", nameof(options.FeatureColumnNames));
        var feature = features[0];
        if (feature.Type is not VectorDataViewType { IsKnownSize: true } vector || vector.ItemType != NumberDataViewType.Single)
            throw new ArgumentException(
                $"Feature column '{feature.Name}' has type {feature.Type}; the DCGAN image networks need a known-size vector of Single pixels (ml.Transforms.ExtractPixels, IdxImages.Load, or pixel columns concatenated).", "data");
        ImageShape image;
        if (options.Image.Shape is { } given)
        {
            image = new ImageShape(given.Channels, given.Height, given.Width);
            if ((long)given.Channels * given.Height * given.Width != vector.Size)
                throw new ArgumentException(
                    $"GanTrainer.Options.Image.Shape {given} has {(long)given.Channels * given.Height * given.Width} pixels, but feature column '{feature.Name}' holds {vector.Size} values per row.", "Image.Shape");
        }
        else
        {
            image = ImageDimensions(feature) ?? throw new ArgumentException(
                $"Feature column '{feature.Name}' is a flat vector of {vector.Size} values, so its image shape is unknown; set GanTrainer.Options.Image.Shape (channels, height, width), e.g. (1, 8, 8) for 64 grey pixels.", "Image.Shape");
        }
        if (image.Unsuitability() is { } problem)
            throw new ArgumentException(
                $"Feature column '{feature.Name}': {problem} Resize the images (ml.Transforms.ResizeImages) or set Architecture = Mlp.", options.Image.Shape is null ? "data" : "Image.Shape");
        return image;
    }

    /// <summary>The shape a Single vector's dimensions give (H×W is one channel, C×H×W channel-first), or null.</summary>
    private static ImageShape? ImageDimensions(FeatureColumn feature) =>
        feature.Type is VectorDataViewType { IsKnownSize: true } vector && vector.ItemType == NumberDataViewType.Single
            ? vector.Dimensions.Length switch
            {
                2 => new ImageShape(1, vector.Dimensions[0], vector.Dimensions[1]),
                3 => new ImageShape(vector.Dimensions[0], vector.Dimensions[1], vector.Dimensions[2]),
                _ => null,
            }
            : null;
}
