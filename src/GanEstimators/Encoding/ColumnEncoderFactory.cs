using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>Chooses each feature column's encoder from its type, the trainer's options and the resolved network family.</summary>
internal static class ColumnEncoderFactory
{
    public static TableEncoder Create(IReadOnlyList<FeatureColumn> features, GanTrainer.Options options, GanArchitecture architecture) =>
        new(features.Select(f => Create(f, options, architecture)).ToArray());

    /// <summary>Whether the column gets mode-specific normalisation (a numeric scalar under that encoding).</summary>
    public static bool IsModeNormalised(FeatureColumn feature, GanTrainer.Options options) =>
        !feature.IsCategorical && feature.Type is not VectorDataViewType && options.NumericEncoding == GanNumericEncoding.ModeSpecificNormalization;

    private static ColumnEncoder Create(FeatureColumn feature, GanTrainer.Options options, GanArchitecture architecture)
    {
        if (architecture == GanArchitecture.Dcgan)
            return new ImagePixelEncoder(feature.Name, feature.Type);
        if (feature.IsCategorical)
            return new CategoricalEncoder(feature.Name, feature.Type, CategoryText.ReadKeyValues(feature.Column), options.MaxCategorySlots);
        if (IsModeNormalised(feature, options))
            return new ModeSpecificEncoder(feature.Name, feature.Type, options.ModeSpecific.ClampToObservedRange, options.ModeSpecific.SnapToObservedValues, options.ModeSpecific.EncodeDateCycles, options.ModeSpecific.PointMassShare);
        return new StandardScalingEncoder(feature.Name, feature.Type);
    }
}
