namespace GanEstimators;

/// <summary>What <c>mlContext.Gan().InferColumns</c> is told rather than left to find out.</summary>
public sealed class GanColumnInferenceOptions
{
    /// <summary>The column to condition on (<see cref="GanTrainer.Options.ConditionColumnName"/>); none is guessed. A CSV column named here is read as text.</summary>
    public string? ConditionColumnName { get; set; }

    /// <summary>Columns to treat as categories whatever their values; a CSV column named here is read as text.</summary>
    public string[] CategoricalColumnNames { get; set; } = Array.Empty<string>();

    /// <summary>Columns to leave out of the model.</summary>
    public string[] IgnoredColumnNames { get; set; } = Array.Empty<string>();

    /// <summary>CSV files: the field separator; null (default) detects comma, semicolon or tab from the header and the first records.</summary>
    public char? Separator { get; set; }

    /// <summary>
    /// Leave out ID-like columns, with a line in the MLContext log: text with a different value in every row, or whole
    /// numbers, all different, that number the rows (consecutive) or sit under an ID-like name (a word "id", "key",
    /// "uuid", "guid" or "index" in it). Default true.
    /// </summary>
    public bool IgnoreIdColumns { get; set; } = true;

    /// <summary>
    /// Whole non-negative numbers with at most this many distinct values, and at most one tenth as many as there are
    /// rows, are categories (listed in <see cref="GanTrainer.Options.CategoricalColumnNames"/>): a code, a year, a
    /// count of a few. SDV's metadata detection uses 10. 0 keeps every number numeric. Default 10.
    /// </summary>
    public int MaxCategoricalIntegerLevels { get; set; } = 10;
}
