using GanEstimators.Encoding;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Training;

/// <summary>
/// The rules for the columns the options name, checked once against the input's columns whether they come from the
/// data (Fit) or from a schema shape (<c>GetOutputSchema</c>), and saying clearly what is wrong with them.
/// </summary>
internal static class TrainingColumns
{
    public const string ExpectedFeatureTypes =
        "a numeric scalar (Single, Double, an integer type), a DateTime, a categorical scalar (Text, Boolean, UInt32 key) or a known-size vector of Single";

    /// <summary>The feature columns (each with whether it is categorical) and the condition column, checked.</summary>
    public static (IReadOnlyList<(ColumnShape Column, bool IsCategorical)> Features, ColumnShape? Condition) Check(InputColumns input, GanTrainer.Options options)
    {
        foreach (var name in options.CategoricalColumnNames)
            if (!options.FeatureColumnNames.Contains(name))
                throw new ArgumentException($"CategoricalColumnNames names '{name}', which is not one of FeatureColumnNames.", nameof(options));
        var features = new List<(ColumnShape, bool)>();
        foreach (var name in options.FeatureColumnNames)
        {
            var column = input.Find(name, "Feature");
            var declaredCategorical = options.CategoricalColumnNames.Contains(name);
            var categorical = IsCategorical(column, declaredCategorical)
                ?? throw new ArgumentException(UnsupportedFeature(name, column.TypeText, declaredCategorical), input.ParameterName);
            features.Add((column, categorical));
        }
        // Known from the options alone; Auto can still choose DCGAN later, but only for a column that is an image already.
        if (options.Architecture == GanArchitecture.Dcgan || options.Image.Shape is not null)
            foreach (var (column, _) in features.Where(f => !f.Item1.IsSingleVector))
                throw new ArgumentException(
                    $"Feature column '{column.Name}' has type {column.TypeText}; the DCGAN image networks need a known-size vector of Single pixels (ml.Transforms.ExtractPixels, IdxImages.Load, or pixel columns concatenated).",
                    input.ParameterName);
        return (features, options.ConditionColumnName is { } condition ? CheckCondition(input.Find(condition, "Condition"), input.ParameterName) : null);
    }

    /// <summary>The feature and condition columns of the data, checked.</summary>
    public static (IReadOnlyList<FeatureColumn> Features, DataViewSchema.Column? Condition) Resolve(DataViewSchema schema, GanTrainer.Options options)
    {
        var (features, condition) = Check(InputColumns.Of(schema), options);
        return (features.Select(f => new FeatureColumn(schema[f.Column.Name], f.IsCategorical)).ToArray(),
            condition is { } c ? schema[c.Name] : null);
    }

    /// <summary>True for categorical, false for numeric, null when the column can't be a feature.</summary>
    private static bool? IsCategorical(ColumnShape column, bool declaredCategorical) => column.Kind switch
    {
        SchemaShape.Column.VectorKind.Vector => column.ItemType == NumberDataViewType.Single && !declaredCategorical ? false : null,
        SchemaShape.Column.VectorKind.Scalar when column.IsKey => IsUInt32Key(column) ? true : null,
        SchemaShape.Column.VectorKind.Scalar => IsCategorical(column.ItemType, declaredCategorical),
        _ => null,
    };

    private static bool? IsCategorical(DataViewType type, bool declaredCategorical)
    {
        if (type is TextDataViewType or BooleanDataViewType or KeyDataViewType)
            return CategoryText.IsSupported(type) ? true : null;
        if (declaredCategorical) return CategoryText.IsSupported(type) ? true : null;
        return NumericConversion.For(type) is not null ? false : null;
    }

    private static ColumnShape CheckCondition(ColumnShape column, string parameterName)
    {
        var supported = column.Kind == SchemaShape.Column.VectorKind.Scalar && (column.IsKey ? IsUInt32Key(column) : ConditionEncoder.IsSupported(column.ItemType));
        return supported ? column : throw new ArgumentException(
            $"Condition column '{column.Name}' has type {column.TypeText}; expected {ConditionEncoder.ExpectedTypes}.", parameterName);
    }

    private static bool IsUInt32Key(ColumnShape column) => column.ItemType.RawType == typeof(uint);

    private static string UnsupportedFeature(string name, string type, bool declaredCategorical) =>
        declaredCategorical
            ? $"Feature column '{name}' is listed in CategoricalColumnNames but has type {type}; a categorical column must be {CategoryText.ExpectedTypes}."
            : $"Feature column '{name}' has type {type}; expected {ExpectedFeatureTypes}.";
}
