using Microsoft.ML.Data;

namespace GanEstimators;

/// <summary>One column as <c>InferColumns</c> found it and what it decided, with the reason in words.</summary>
public sealed class GanInferredColumn
{
    /// <summary>The column's name (a CSV file's header field).</summary>
    public required string Name { get; init; }

    /// <summary>The column's position: its field in the CSV file, or its index in the data view's schema.</summary>
    public required int Index { get; init; }

    /// <summary>What its values are.</summary>
    public required GanColumnKind Kind { get; init; }

    /// <summary>The type it is read as (for a file, the type in the inferred loader).</summary>
    public required DataViewType Type { get; init; }

    /// <summary>What the trainer does with it.</summary>
    public required GanColumnPurpose Purpose { get; init; }

    /// <summary>Why, in words (e.g. "whole numbers, 3 distinct values in 275 rows: a category").</summary>
    public required string Reason { get; init; }

    /// <summary>How many rows have no value (an empty CSV field, NaN, empty text, a default DateTime).</summary>
    public long MissingValues { get; init; }

    /// <summary>How many distinct values the column has; null when it has more than were counted (10,000 with a repeat).</summary>
    public int? DistinctValues { get; init; }

    /// <summary>CSV numbers: the most decimals a value was written with (to write synthetic values the same way).</summary>
    public int Decimals { get; init; }

    /// <summary>CSV numbers: every value was written with exactly <see cref="Decimals"/> decimals (as in <c>0.0, 10.9</c>).</summary>
    public bool FixedDecimals { get; init; }

    /// <summary>CSV dates: the .NET format they were written in (e.g. <c>yyyy-MM-dd</c>, <c>yyyy-MM-dd'T'HH:mm</c>).</summary>
    public string? DateFormat { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Kind} → {Purpose} ({Reason})";
}
