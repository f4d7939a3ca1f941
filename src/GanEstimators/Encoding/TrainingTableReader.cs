using Microsoft.ML;

namespace GanEstimators.Encoding;

/// <summary>Reads the feature (and condition) columns of an <see cref="IDataView"/> into a <see cref="TrainingTable"/>, rejecting rows a GAN cannot learn from.</summary>
internal static class TrainingTableReader
{
    /// <summary>
    /// Reads every row, or with <paramref name="maxRows"/> a uniform reservoir sample of at most that many rows in one
    /// pass (seeded by <paramref name="seed"/>; a view with no more rows than that is read whole, as without it).
    /// </summary>
    public static TrainingTable Read(IDataView data, IReadOnlyList<FeatureColumn> features, TableEncoder encoder, DataViewSchema.Column? condition,
        long? maxRows = null, int seed = 0)
    {
        var width = encoder.RawWidth;
        var columns = features.Select(f => f.Column).ToList();
        if (condition is { } c) columns.Add(c);

        var capacity = maxRows ?? long.MaxValue;
        // A view that knows its length is read into an array of that size, so the table is never copied to grow.
        var expected = Math.Min(capacity, data.GetRowCount() is { } known and > 0 ? known : 1024);
        var raw = new float[TableSize.Length(Math.Min(expected, TableSize.MaxRows), Math.Max(width, 1), "raw")];
        var conditions = condition is null ? null : new List<string?>();
        var random = maxRows is null ? null : new Random(seed);
        var rows = 0;
        long read = 0;
        var levels = encoder.Columns.Select(c => (c as CategoricalEncoder)?.StartReading()).ToArray();
        using (var cursor = data.GetRowCursor(columns))
        {
            var readers = features.Select((f, i) => encoder.Columns[i] switch
            {
                CategoricalEncoder categorical => categorical.MakeReader(cursor, f.Column, levels[i]!),
                NumericColumnEncoder numeric => numeric.MakeReader(cursor, f.Column),
                var other => throw new InvalidOperationException($"Feature column '{other.Name}' has an encoder ({other.Kind}) that cannot read a table."),
            }).ToArray();
            var readCondition = condition is { } conditionColumn ? CategoryText.For(conditionColumn).MakeReader(cursor, conditionColumn) : null;
            while (cursor.MoveNext())
            {
                var slot = random is null ? read : RowReservoir.SlotFor(read, capacity, random);
                read++;
                if (slot < 0) continue;
                if (slot == rows)
                {
                    var needed = TableSize.Length(rows + 1L, width, "raw");
                    if (needed > raw.Length) Array.Resize(ref raw, (int)Math.Clamp(2L * raw.Length, needed, TableSize.MaxValues));
                    rows++;
                }
                var offset = (int)slot * width;
                for (var f = 0; f < readers.Length; f++)
                {
                    readers[f](raw.AsSpan(offset, features[f].Width));
                    offset += features[f].Width;
                }
                if (readCondition is not null)
                {
                    var value = readCondition();
                    if (slot == conditions!.Count) conditions.Add(value);
                    else conditions[(int)slot] = value;
                }
            }
        }

        if (rows == 0)
            throw new ArgumentException("The training data has no rows; a GAN needs examples to imitate.", nameof(data));
        if (conditions is not null && conditions.IndexOf(null) is var firstMissing and >= 0)
            throw new ArgumentException(
                $"Condition column '{condition!.Value.Name}' has a missing value in {conditions.Count(v => v is null)} of {rows} rows (first at row {firstMissing}). Filter those rows out or fill them in before training.",
                nameof(data));
        RejectUnencodable(raw, rows, width, encoder);
        for (var i = 0; i < levels.Length; i++)
            if (levels[i] is { } levelsRead) ((CategoricalEncoder)encoder.Columns[i]).CheckUnseen(levelsRead, raw, rows, width, encoder.RawOffsetOf(i));
        Array.Resize(ref raw, rows * width);
        return new TrainingTable(raw, rows, conditions?.Select(v => v!).ToArray(), levels) { RowsRead = read };
    }

    private static void RejectUnencodable(float[] raw, int rows, int width, TableEncoder encoder)
    {
        for (var c = 0; c < encoder.Columns.Count; c++)
        {
            var column = encoder.Columns[c];
            int badRows = 0, firstBad = -1;
            for (var r = 0; r < rows; r++)
            {
                foreach (var v in raw.AsSpan(r * width + encoder.RawOffsetOf(c), column.RawWidth))
                {
                    if (float.IsFinite(v) || (float.IsNaN(v) && column.AllowsMissing)) continue;
                    badRows++;
                    if (firstBad < 0) firstBad = r;
                    break;
                }
            }
            if (badRows > 0)
                throw new ArgumentException(
                    $"Feature column '{column.Name}' has {(column.AllowsMissing ? "infinite" : "NaN or infinite")} values in {badRows} of {rows} rows (first at row {firstBad}). " +
                    (column.AllowsMissing ? "Replace them before training." :
                    "Remove them (mlContext.Data.FilterRowsByMissingValues) or replace them (mlContext.Transforms.ReplaceMissingValues) before training, or use NumericEncoding = ModeSpecificNormalization, which models missing values."),
                    "data");
        }
    }
}
