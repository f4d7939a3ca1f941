using GanEstimators.Encoding;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Training;

/// <summary>Finds the feature and condition columns in a schema and says clearly what is wrong with them.</summary>
internal static class TrainingColumns
{
    public const string ExpectedFeatureTypes =
        "a numeric scalar (Single, Double, an integer type), a DateTime, a categorical scalar (Text, Boolean, UInt32 key) or a known-size vector of Single";

    public static IReadOnlyList<FeatureColumn> ResolveFeatures(DataViewSchema schema, GanTrainer.Options options)
    {
        foreach (var name in options.CategoricalColumnNames)
            if (!options.FeatureColumnNames.Contains(name))
                throw new ArgumentException($"CategoricalColumnNames names '{name}', which is not one of FeatureColumnNames.", nameof(options));
        var features = new List<FeatureColumn>();
        foreach (var name in options.FeatureColumnNames)
        {
            var column = Find(schema, name, "Feature");
            var categorical = IsCategorical(column.Type, options.CategoricalColumnNames.Contains(name));
            if (categorical is null)
                throw new ArgumentException(UnsupportedFeature(name, column.Type.ToString() ?? "", options.CategoricalColumnNames.Contains(name)), "data");
            features.Add(new FeatureColumn(column, categorical.Value));
        }
        return features;
    }

    /// <summary>True for categorical, false for numeric, null when the type can't be a feature.</summary>
    public static bool? IsCategorical(DataViewType type, bool declaredCategorical)
    {
        if (type is TextDataViewType or BooleanDataViewType or KeyDataViewType)
            return CategoryText.IsSupported(type) ? true : null;
        if (declaredCategorical) return CategoryText.IsSupported(type) ? true : null;
        return NumericConversion.For(type) is not null ? false : null;
    }

    public static DataViewSchema.Column? ResolveCondition(DataViewSchema schema, string? name)
    {
        if (name is null) return null;
        var column = Find(schema, name, "Condition");
        if (!ConditionEncoder.IsSupported(column.Type))
            throw new ArgumentException($"Condition column '{name}' has type {column.Type}; expected {ConditionEncoder.ExpectedTypes}.", "data");
        return column;
    }

    public static string UnsupportedFeature(string name, string type, bool declaredCategorical) =>
        declaredCategorical
            ? $"Feature column '{name}' is listed in CategoricalColumnNames but has type {type}; a categorical column must be {CategoryText.ExpectedTypes}."
            : $"Feature column '{name}' has type {type}; expected {ExpectedFeatureTypes}.";

    private static DataViewSchema.Column Find(DataViewSchema schema, string name, string role) =>
        schema.GetColumnOrNull(name) ?? throw new ArgumentException(
            $"{role} column '{name}' was not found in the input data. Available columns: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"))}.",
            "data");
}
