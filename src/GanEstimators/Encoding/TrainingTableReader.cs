using Microsoft.ML;

namespace GanEstimators.Encoding;

/// <summary>Reads the feature (and condition) columns of an <see cref="IDataView"/> into a <see cref="TrainingTable"/>, rejecting rows a GAN cannot learn from.</summary>
internal static class TrainingTableReader
{
    public static TrainingTable Read(IDataView data, IReadOnlyList<FeatureColumn> features, TableEncoder encoder, DataViewSchema.Column? condition)
    {
        var width = encoder.RawWidth;
        var columns = features.Select(f => f.Column).ToList();
        if (condition is { } c) columns.Add(c);

        var raw = new float[Math.Max(width, 1) * 1024];
        var conditions = condition is null ? null : new List<string>();
        var missingConditionRows = new List<long>();
        var rows = 0;
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
                if ((rows + 1) * width > raw.Length) Array.Resize(ref raw, raw.Length * 2);
                var offset = rows * width;
                for (var f = 0; f < readers.Length; f++)
                {
                    readers[f](raw.AsSpan(offset, features[f].Width));
                    offset += features[f].Width;
                }
                if (readCondition is not null)
                {
                    var value = readCondition();
                    if (value is null) missingConditionRows.Add(cursor.Position);
                    conditions!.Add(value ?? "");
                }
                rows++;
            }
        }

        if (rows == 0)
            throw new ArgumentException("The training data has no rows; a GAN needs examples to imitate.", nameof(data));
        if (missingConditionRows.Count > 0)
            throw new ArgumentException(
                $"Condition column '{condition!.Value.Name}' has a missing value in {missingConditionRows.Count} of {rows} rows (first at row {missingConditionRows[0]}). Filter those rows out or fill them in before training.",
                nameof(data));
        RejectUnencodable(raw, rows, width, encoder);
        for (var i = 0; i < levels.Length; i++)
            if (levels[i] is { } read) ((CategoricalEncoder)encoder.Columns[i]).CheckUnseen(read, raw, rows, width, encoder.RawOffsetOf(i));
        Array.Resize(ref raw, rows * width);
        return new TrainingTable(raw, rows, conditions?.ToArray(), levels);
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
