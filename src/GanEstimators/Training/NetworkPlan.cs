using GanEstimators.Encoding;
using GanEstimators.Networks;
using Microsoft.ML.Data;

namespace GanEstimators.Training;

/// <summary>
/// The network family of a training run, resolved once from the options and the feature columns (before any encoder
/// exists, since the family decides the encoding), with the image shape and discriminator normalisation of DCGAN.
/// The columns have passed <see cref="TrainingColumns.Check"/>, so a DCGAN feature is a known-size Single vector.
/// </summary>
internal sealed record NetworkPlan(GanArchitecture Architecture, ImageShape? Image, DiscriminatorNormalisation Normalisation)
{
    public static NetworkPlan Resolve(IReadOnlyList<FeatureColumn> features, GanTrainer.Options options, bool lossIsCritic)
    {
        var architecture = options.Architecture;
        if (architecture == GanArchitecture.Auto)
            architecture = options.Image.Shape is not null || (features.Count == 1 && ImageDimensions(features[0]) is not null) ? GanArchitecture.Dcgan
                : features.Any(f => f.IsCategorical || ColumnEncoderFactory.IsModeNormalised(f, options)) ? GanArchitecture.Residual
                : GanArchitecture.Mlp;
        if (architecture != GanArchitecture.Dcgan)
        {
            SpectralNormalizationNeedsDcgan(options, architecture, $"these feature columns resolve to the {architecture} architecture");
            return new NetworkPlan(architecture, null, DiscriminatorNormalisation.None);
        }
        var normalisation = options.Image.SpectralNormalization ? DiscriminatorNormalisation.Spectral
            // Batch statistics mix the samples of a batch, which the critics' per-sample gradient penalty and
            // weight-clipped Lipschitz bound do not allow for.
            : lossIsCritic ? DiscriminatorNormalisation.None
            : DiscriminatorNormalisation.BatchNorm;
        return new NetworkPlan(GanArchitecture.Dcgan, ImageOf(features[0], options), normalisation);
    }

    /// <summary>
    /// The rule that spectral normalisation exists in the DCGAN discriminator only: checked on the options
    /// (<paramref name="how"/> says "Architecture is Mlp") and again once Auto has been resolved from the columns.
    /// </summary>
    public static void SpectralNormalizationNeedsDcgan(GanTrainer.Options options, GanArchitecture architecture, string how)
    {
        if (options.Image.SpectralNormalization && architecture is GanArchitecture.Mlp or GanArchitecture.Residual)
            throw new ArgumentException(
                $"GanTrainer.Options.Image.SpectralNormalization applies to the DCGAN discriminator only; {how}.", "Image.SpectralNormalization");
    }

    // A given Image.Shape was checked for suitability with the options; only a shape read from the column's dimensions is checked here.
    private static ImageShape ImageOf(FeatureColumn feature, GanTrainer.Options options)
    {
        var size = ((VectorDataViewType)feature.Type).Size;
        if (options.Image.Shape is { } given)
        {
            if ((long)given.Channels * given.Height * given.Width != size)
                throw new ArgumentException(
                    $"GanTrainer.Options.Image.Shape {given} has {(long)given.Channels * given.Height * given.Width} pixels, but feature column '{feature.Name}' holds {size} values per row.", "Image.Shape");
            return new ImageShape(given.Channels, given.Height, given.Width);
        }
        var image = ImageDimensions(feature) ?? throw new ArgumentException(
            $"Feature column '{feature.Name}' is a flat vector of {size} values, so its image shape is unknown; set GanTrainer.Options.Image.Shape (channels, height, width), e.g. (1, 8, 8) for 64 grey pixels.", "Image.Shape");
        if (image.Unsuitability() is { } problem)
            throw new ArgumentException(
                $"Feature column '{feature.Name}': {problem} Resize the images (ml.Transforms.ResizeImages) or set Architecture = Mlp.", "data");
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
