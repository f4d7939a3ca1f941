namespace GanEstimators.Plots;

/// <summary>The class of every real and synthetic row, and the classes drawn as panels (the most frequent real ones first).</summary>
internal sealed class ClassLabels
{
    /// <summary>More classes than this would make panels too small to read; the rest are left out, and the plot says so.</summary>
    public const int MaxPanels = 8;

    public ClassLabels(string columnName, string?[] real, string?[] synthetic)
    {
        ColumnName = columnName;
        Real = real;
        Synthetic = synthetic;
        var all = real.OfType<string>().GroupBy(c => c, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToArray();
        ClassCount = all.Length;
        Shown = all.Take(MaxPanels).ToArray();
    }

    public string ColumnName { get; }

    public string?[] Real { get; }

    public string?[] Synthetic { get; }

    public int ClassCount { get; }

    public IReadOnlyList<string> Shown { get; }

    public static int[] RowsOf(string?[] labels, string label) =>
        Enumerable.Range(0, labels.Length).Where(r => labels[r] == label).ToArray();
}
