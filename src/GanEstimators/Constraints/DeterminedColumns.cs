using GanEstimators.Encoding;

namespace GanEstimators.Constraints;

/// <summary>
/// What <see cref="GanSampler.KeepDeterminedValues"/> writes into generated rows: the numeric columns the training rows
/// fix by their categories (<see cref="DeterminedValues"/>), then those that are the sum of two others
/// (<see cref="DeterminedSums"/>; a part may be one of the former). Found at training, saved with the model.
/// </summary>
internal sealed class DeterminedColumns
{
    private readonly DeterminedValues? _byCategories;
    private readonly DeterminedSums? _sums;

    private DeterminedColumns(DeterminedValues? byCategories, DeterminedSums? sums)
    {
        _byCategories = byCategories;
        _sums = sums;
    }

    /// <summary>The rules the training rows show (none for a column a constraint names), or null when there are none.</summary>
    public static DeterminedColumns? Find(TrainingTable table, TableEncoder features, IReadOnlySet<string> constrained)
    {
        var byCategories = DeterminedValues.Find(table, features, constrained);
        var sums = DeterminedSums.Find(table, features, constrained, byCategories);
        return byCategories is null && sums is null ? null : new DeterminedColumns(byCategories, sums);
    }

    /// <summary>The columns written into generated rows (encoder indices).</summary>
    public IEnumerable<int> Columns => (_byCategories?.Columns ?? []).Concat(_sums?.Columns ?? []);

    /// <summary>The log's line: "Determined values: distance by origin × destination (2,879 values) (GanSampler.KeepDeterminedValues)."</summary>
    public string Describe(TableEncoder features) =>
        $"Determined values: {string.Join("; ", (_byCategories?.Describe(features) ?? []).Concat(_sums?.Describe(features) ?? []))} (GanSampler.KeepDeterminedValues).";

    /// <summary>Writes the determined values into the <paramref name="rows"/> decoded rows, then rebuilds the sums.</summary>
    public void Apply(Span<float> raw, int rows, TableEncoder features)
    {
        _byCategories?.Apply(raw, rows, features);
        _sums?.Apply(raw, rows, features);
    }

    /// <summary>Writes <paramref name="columns"/> (null: none) as format 0x0001000C lays it out: each kind behind a flag.</summary>
    public static void Save(DeterminedColumns? columns, BinaryWriter writer)
    {
        writer.Write(columns?._byCategories is not null);
        columns?._byCategories?.Save(writer);
        writer.Write(columns?._sums is not null);
        columns?._sums?.Save(writer);
    }

    /// <summary>Reads what <see cref="Save"/> wrote; null when it holds neither kind.</summary>
    public static DeterminedColumns? Load(BinaryReader reader, TableEncoder features)
    {
        var byCategories = reader.ReadBoolean() ? DeterminedValues.Load(reader, features) : null;
        var sums = reader.ReadBoolean() ? DeterminedSums.Load(reader, features) : null;
        return byCategories is null && sums is null ? null : new DeterminedColumns(byCategories, sums);
    }
}
