namespace GanEstimators.Encoding;

/// <summary>
/// Which rows a large table's encoders are fitted to: a uniform sample without replacement, drawn by selection
/// sampling (Knuth's algorithm S) so it comes out in ascending order in one pass, from its own seeded generator.
/// </summary>
internal static class FittingSample
{
    /// <summary>Null (every row) when <paramref name="rows"/> ≤ <paramref name="size"/>, else <paramref name="size"/> ascending row numbers.</summary>
    public static int[]? Rows(int rows, int size, int seed)
    {
        if (rows <= size) return null;
        // Offset from the training seed so the sample does not repeat the draws of the row reservoir (MaxTrainingRows).
        var random = new Random(unchecked(seed + 0x2545F491));
        var chosen = new int[size];
        var taken = 0;
        for (var r = 0; r < rows && taken < size; r++)
            if ((rows - r) * random.NextDouble() < size - taken) chosen[taken++] = r;
        return chosen;
    }
}
