using System.Globalization;
using System.Text.RegularExpressions;

namespace GanEstimators.Inference;

/// <summary>
/// Decides what the trainer does with a column, in the manner of SDV's metadata detection: the user's names first
/// (ignored, condition, categorical), then columns with no values and ID-like columns are left out, dates are numeric,
/// booleans and text are categories, whole non-negative numbers with few distinct values are categories, other
/// numbers are numeric.
/// </summary>
internal static partial class ColumnDecision
{
    // SDV does not predict from 5 rows or fewer: too few to call a column an ID or a category.
    private const int MinimumRowsToJudge = 5;

    private static readonly string[] IdWords = { "id", "key", "uuid", "guid", "index" };

    public static GanInferredColumn Decide(ColumnEvidence column, GanColumnInferenceOptions options)
    {
        var (purpose, reason) = PurposeOf(column, options);
        return new GanInferredColumn
        {
            Name = column.Name,
            Index = column.Index,
            Kind = column.Kind,
            Type = column.Type,
            Purpose = purpose,
            Reason = reason + Missing(column),
            MissingValues = column.Missing,
            DistinctValues = column.Distinct,
            Decimals = column.Decimals,
            FixedDecimals = column.FixedDecimals,
            DateFormat = column.DateFormat,
        };
    }

    private static (GanColumnPurpose, string) PurposeOf(ColumnEvidence column, GanColumnInferenceOptions options)
    {
        if (options.IgnoredColumnNames.Contains(column.Name)) return (GanColumnPurpose.Ignored, "named in IgnoredColumnNames");
        if (column.Name == options.ConditionColumnName) return (GanColumnPurpose.Condition, "named as ConditionColumnName");
        if (options.CategoricalColumnNames.Contains(column.Name)) return (GanColumnPurpose.CategoricalFeature, "named in CategoricalColumnNames");
        if (column.Kind == GanColumnKind.Other) return (GanColumnPurpose.Ignored, $"its type {column.Type} is not one the trainer takes");
        if (column.Rows > 0 && column.Missing == column.Rows && column.Kind is not (GanColumnKind.Vector or GanColumnKind.Boolean))
            return (GanColumnPurpose.Ignored, "every value is missing");
        if (options.IgnoreIdColumns && IdLike(column) is { } id) return (GanColumnPurpose.Ignored, id);
        return column.Kind switch
        {
            GanColumnKind.Date => (GanColumnPurpose.NumericFeature, column.DateFormat is null ? "dates: numeric (day counts and their place in the year)" : $"ISO dates ({column.DateFormat}): numeric (day counts and their place in the year)"),
            GanColumnKind.Boolean => (GanColumnPurpose.CategoricalFeature, "true/false values: a category"),
            GanColumnKind.Text => (GanColumnPurpose.CategoricalFeature, $"text{Levels(column)}: a category"),
            GanColumnKind.Key => (GanColumnPurpose.CategoricalFeature, "a key column: a category"),
            GanColumnKind.Vector => (GanColumnPurpose.NumericFeature, "a known-size Single vector: numeric, slot by slot"),
            GanColumnKind.WholeNumber when FewLevels(column, options) => (GanColumnPurpose.CategoricalFeature,
                $"whole non-negative numbers{Levels(column)} in {Count(column.Rows)} rows (at most {Math.Min(options.MaxCategoricalIntegerLevels, column.Rows / 10)}): a category"),
            GanColumnKind.WholeNumber => (GanColumnPurpose.NumericFeature, $"whole numbers{Levels(column)}: numeric"),
            _ => (GanColumnPurpose.NumericFeature, "numbers: numeric"),
        };
    }

    /// <summary>Why the column looks like an ID, or null: text different in every row, or whole numbers different in every row that number the rows or sit under an ID-like name.</summary>
    private static string? IdLike(ColumnEvidence column)
    {
        if (!column.AllDifferent || column.Missing > 0 || column.Rows <= MinimumRowsToJudge) return null;
        if (column.Kind == GanColumnKind.Text)
            return $"an ID: a different text in each of the {Count(column.Rows)} rows";
        if (column.Kind != GanColumnKind.WholeNumber || column.Minimum is not { } minimum || column.Maximum is not { } maximum || minimum < 0) return null;
        if (maximum - minimum + 1 == column.Rows) return $"an ID: whole numbers {minimum}..{maximum}, one per row";
        if (NameLooksLikeId(column.Name)) return $"an ID: its name, and a different whole number in each of the {Count(column.Rows)} rows";
        return null;
    }

    private static bool FewLevels(ColumnEvidence column, GanColumnInferenceOptions options) =>
        column.Rows > MinimumRowsToJudge && column.Minimum >= 0 && column.Distinct is { } distinct
        && distinct <= Math.Min(options.MaxCategoricalIntegerLevels, Math.Round(column.Rows / 10.0, MidpointRounding.ToEven));

    /// <summary>Whether a word of the name (split at '_', '-', spaces and camelCase) is "id", "key", "uuid", "guid" or "index".</summary>
    internal static bool NameLooksLikeId(string name) =>
        Words().Matches(name).Any(word => IdWords.Contains(word.Value.ToLowerInvariant()));

    private static string Levels(ColumnEvidence column) => column.Distinct is { } distinct ? $", {Count(distinct)} distinct value{(distinct == 1 ? "" : "s")}" : "";

    private static string Missing(ColumnEvidence column) =>
        column.Missing > 0 && column.Missing < column.Rows ? $"; {Count(column.Missing)} missing, kept as missing values" : "";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    [GeneratedRegex("[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[0-9]+")]
    private static partial Regex Words();
}
