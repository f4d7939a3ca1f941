namespace GanEstimators.Evaluation.Augmentation;

/// <summary>
/// SMOTE (Chawla et al., 2002) over the numeric columns, written here as a baseline. Each new row of a class starts
/// from a real row of that class drawn uniformly, picks one of its k nearest neighbours of the same class uniformly
/// (Euclidean distance over the numeric columns other than the label, each standardised over the fold's training rows,
/// a missing value counted as the mean), draws λ uniformly in [0, 1) and takes base + λ·(neighbour − base) in every
/// numeric column (integer columns rounded to the nearest integer). Every other column (text, Boolean, key, date,
/// vector), and a numeric value missing in either parent, is copied from the nearer parent: the base when λ &lt; 0.5,
/// the neighbour otherwise. A class with a single row has no neighbour, so its row is copied.
/// </summary>
internal static class SmoteInterpolation
{
    public static void Add(RowTable training, NumericSpace space, IReadOnlyList<string> classes, IReadOnlyDictionary<string, int> added, int neighbors, Random random, RowTable into)
    {
        var numeric = space.Columns;
        var standardised = space.TrainingPoints;
        foreach (var (label, count) in added)
        {
            var rows = RandomOversampling.RowsOf(classes, label);
            var nearest = rows.ToDictionary(r => r, r => Nearest(r, rows, standardised, neighbors));
            for (var n = 0; n < count; n++)
            {
                var from = rows[random.Next(rows.Length)];
                var candidates = nearest[from];
                if (candidates.Length == 0)
                {
                    into.AppendCopy(training, from);
                    continue;
                }
                var to = candidates[random.Next(candidates.Length)];
                var lambda = random.NextDouble();
                var nearer = lambda < 0.5 ? from : to;
                for (var c = 0; c < training.Columns.Count; c++)
                {
                    var column = training.Columns[c];
                    var target = into.Columns[c];
                    if (!numeric.Contains(c))
                    {
                        target.AppendCopy(column, nearer);
                        continue;
                    }
                    var a = column.ValueAsDouble(from);
                    var b = column.ValueAsDouble(to);
                    if (double.IsNaN(a) || double.IsNaN(b)) target.AppendCopy(column, nearer);
                    else target.AppendNumber(a + lambda * (b - a));
                }
            }
        }
    }

    /// <summary>The k rows of the class closest to <paramref name="row"/>, itself excluded (ties by row order).</summary>
    private static int[] Nearest(int row, int[] classRows, double[][] values, int k) =>
        classRows.Where(r => r != row)
            .Select(r => (r, Distance: NumericSpace.SquaredDistance(values[row], values[r])))
            .OrderBy(x => x.Distance).ThenBy(x => x.r)
            .Take(k).Select(x => x.r).ToArray();
}
