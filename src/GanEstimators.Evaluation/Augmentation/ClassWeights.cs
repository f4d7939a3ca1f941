namespace GanEstimators.Evaluation.Augmentation;

/// <summary>
/// Per-row weights inversely proportional to the row's class frequency, scaled so they average 1 (scikit-learn's
/// <c>class_weight='balanced'</c>: rows ÷ (classes × rows of the class)), and the training view that carries them.
/// </summary>
internal static class ClassWeights
{
    public static float[] For(IReadOnlyList<string> classes)
    {
        var counts = classes.GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return classes.Select(c => (float)(classes.Count / ((double)counts.Count * counts[c]))).ToArray();
    }

    /// <summary>A column name not in the table: "ClassWeight", or "ClassWeight" followed by the first number free.</summary>
    public static string FreeColumnName(RowTable table)
    {
        var name = "ClassWeight";
        for (var i = 1; table.Schema.GetColumnOrNull(name) is not null; i++) name = $"ClassWeight{i}";
        return name;
    }
}
