using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>Chooses each feature column's encoder from its type and the trainer's options.</summary>
internal static class ColumnEncoderFactory
{
    public static TableEncoder Create(IReadOnlyList<FeatureColumn> features, GanTrainer.Options options) =>
        new(features.Select(f => Create(f, options)).ToArray());

    private static ColumnEncoder Create(FeatureColumn feature, GanTrainer.Options options)
    {
        if (feature.IsCategorical)
            return new CategoricalEncoder(feature.Name, feature.Type, CategoryText.ReadKeyValues(feature.Column), options.MaxCategorySlots);
        if (feature.Type is VectorDataViewType || options.NumericEncoding == GanNumericEncoding.Standardization)
            return new StandardScalingEncoder(feature.Name, feature.Type);
        return new ModeSpecificEncoder(feature.Name, feature.Type, options.ClampToObservedRange);
    }
}
