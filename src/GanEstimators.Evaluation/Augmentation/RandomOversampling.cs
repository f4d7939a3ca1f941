namespace GanEstimators.Evaluation.Augmentation;

/// <summary>The baseline every augmentation must beat: copies of real rows of the class, drawn uniformly with replacement.</summary>
internal static class RandomOversampling
{
    public static void Add(RowTable training, IReadOnlyList<string> classes, IReadOnlyDictionary<string, int> added, Random random, RowTable into)
    {
        foreach (var (label, count) in added)
        {
            var rows = RowsOf(classes, label);
            for (var i = 0; i < count; i++) into.AppendCopy(training, rows[random.Next(rows.Length)]);
        }
    }

    public static int[] RowsOf(IReadOnlyList<string> classes, string label) =>
        Enumerable.Range(0, classes.Count).Where(i => classes[i] == label).ToArray();
}
