using Microsoft.ML.Data;

namespace GanEstimators.Inference;

/// <summary>What is known about one column before deciding its purpose, from a CSV scan or a pass over a data view.</summary>
internal sealed record ColumnEvidence(string Name, int Index, GanColumnKind Kind, DataViewType Type, long Rows, long Missing, int? Distinct, bool AllDifferent, long? Minimum, long? Maximum)
{
    public int Decimals { get; init; }

    public bool FixedDecimals { get; init; }

    public string? DateFormat { get; init; }
}
