namespace GanEstimators.Evaluation;

/// <summary>
/// Turns columns into feature vectors for the tree classifiers, as the reference judge does: numbers as they are,
/// categories as integer codes (position among the ordinally sorted categories of all the tables together, so every
/// table agrees and no category is unseen). FastTree drops rows with NaN features, so a missing value becomes a
/// value below every present one (codes: −1; numbers: a value clearly below the smallest), which a split can isolate as the
/// judge's classifier does with its missing-value bin.
/// </summary>
internal static class TreeFeatures
{
    public static float[][][] Encode(IReadOnlyList<EvaluatedTable> tables, IReadOnlyList<string> columnNames)
    {
        var encoded = tables.Select(t => Enumerable.Range(0, t.RowCount).Select(_ => new float[columnNames.Count]).ToArray()).ToArray();
        for (var c = 0; c < columnNames.Count; c++)
        {
            var columns = tables.Select(t => t[columnNames[c]]).ToArray();
            var encode = columns[0].Kind == TabularColumnKind.Numeric ? NumberEncoder(columns) : CategoryEncoder(columns);
            for (var t = 0; t < tables.Count; t++)
                for (var r = 0; r < tables[t].RowCount; r++)
                    encoded[t][r][c] = encode(columns[t], r);
        }
        return encoded;
    }

    private static Func<EvaluatedColumn, int, float> NumberEncoder(EvaluatedColumn[] columns)
    {
        var present = columns.SelectMany(c => c.Numbers).Where(v => !double.IsNaN(v)).ToArray();
        if (present.Length == 0) return (_, _) => 0f;
        double min = present.Min(), max = present.Max();
        // Far enough below the minimum to stay distinct after rounding to Single, whatever the scale.
        var missing = (float)(min - Math.Max(1, Math.Max(Math.Abs(min), max - min)));
        return (column, row) => column.IsMissing(row) ? missing : (float)column.Numbers[row];
    }

    private static Func<EvaluatedColumn, int, float> CategoryEncoder(EvaluatedColumn[] columns)
    {
        var codes = columns.SelectMany(c => c.PresentCategories()).Distinct().Order(StringComparer.Ordinal)
            .Select((category, code) => (category, code)).ToDictionary(p => p.category, p => (float)p.code);
        return (column, row) => column.Categories[row] is { } category ? codes[category] : -1f;
    }
}
