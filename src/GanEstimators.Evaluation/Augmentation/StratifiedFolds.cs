namespace GanEstimators.Evaluation.Augmentation;

/// <summary>
/// Stratified k-fold assignment: the rows of each class (ordinal order of classes) are shuffled with the seed and
/// dealt to the folds in turn, continuing from class to class, so every fold gets its share of every class and the
/// fold sizes differ by at most one row.
/// </summary>
internal static class StratifiedFolds
{
    /// <summary>For each fold, its held-out row positions (ascending); the folds are disjoint and cover every row.</summary>
    public static int[][] Assign(IReadOnlyList<string> classes, int folds, int seed)
    {
        var random = new Random(seed);
        var testRows = Enumerable.Range(0, folds).Select(_ => new List<int>()).ToArray();
        var next = 0;
        foreach (var group in Enumerable.Range(0, classes.Count).GroupBy(i => classes[i], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rows = group.ToArray();
            random.Shuffle(rows);
            foreach (var row in rows)
            {
                testRows[next].Add(row);
                next = (next + 1) % folds;
            }
        }
        return testRows.Select(f => f.Order().ToArray()).ToArray();
    }
}
