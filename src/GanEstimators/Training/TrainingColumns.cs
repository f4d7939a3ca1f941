using GanEstimators.Encoding;
using Microsoft.ML;

namespace GanEstimators.Training;

/// <summary>Finds the feature and condition columns in a schema and says clearly what is wrong with them.</summary>
internal static class TrainingColumns
{
    public const string ExpectedFeatureTypes = "a numeric scalar (Single, Double, an integer type, Boolean) or a known-size vector of Single";

    public static IReadOnlyList<FeatureColumn> ResolveFeatures(DataViewSchema schema, IReadOnlyList<string> names)
    {
        var features = new List<FeatureColumn>();
        foreach (var name in names)
        {
            var column = Find(schema, name, "Feature");
            var conversion = NumericConversion.For(column.Type)
                ?? throw new ArgumentException(UnsupportedFeature(name, column.Type.ToString() ?? "", column.Type is Microsoft.ML.Data.TextDataViewType or Microsoft.ML.Data.KeyDataViewType), "data");
            features.Add(new FeatureColumn(column, conversion));
        }
        return features;
    }

    public static DataViewSchema.Column? ResolveCondition(DataViewSchema schema, string? name)
    {
        if (name is null) return null;
        var column = Find(schema, name, "Condition");
        if (!ConditionEncoder.IsSupported(column.Type))
            throw new ArgumentException($"Condition column '{name}' has type {column.Type}; expected {ConditionEncoder.ExpectedTypes}.", "data");
        return column;
    }

    public static string UnsupportedFeature(string name, string type, bool categorical) =>
        $"Feature column '{name}' has type {type}; expected {ExpectedFeatureTypes}." +
        (categorical ? " Categorical feature columns are not supported yet: use the column as ConditionColumnName, or encode it first (e.g. OneHotEncoding)." : "");

    private static DataViewSchema.Column Find(DataViewSchema schema, string name, string role) =>
        schema.GetColumnOrNull(name) ?? throw new ArgumentException(
            $"{role} column '{name}' was not found in the input data. Available columns: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"))}.",
            "data");
}
