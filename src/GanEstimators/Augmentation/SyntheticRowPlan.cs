using GanEstimators.Sampling;

namespace GanEstimators.Augmentation;

/// <summary>
/// Where the synthetic rows go: consecutive chunks after the real rows, each of one class (or of the training
/// frequencies), with a seed derived from the augmentation seed and the chunk's index.
/// </summary>
internal sealed class SyntheticRowPlan
{
    private SyntheticRowPlan(string? conditionColumnName, IReadOnlyList<GanSyntheticChunk> chunks)
    {
        ConditionColumnName = conditionColumnName;
        Chunks = chunks;
        RowCount = chunks.Sum(c => (long)c.RowCount);
    }

    /// <summary>The column the chunks' <see cref="GanSyntheticChunk.Condition"/> values belong to, or null.</summary>
    public string? ConditionColumnName { get; }

    public IReadOnlyList<GanSyntheticChunk> Chunks { get; }

    public long RowCount { get; }

    /// <summary><paramref name="count"/> rows whose classes follow the training frequencies.</summary>
    public static SyntheticRowPlan ForCount(long realRows, long count, int chunkSize, int seed) =>
        new(null, Split(realRows, new[] { ((string?)null, count) }, chunkSize, seed));

    /// <summary>For each class (in ordinal order), as many rows as it lacks to reach <paramref name="ratio"/> of the largest class.</summary>
    public static SyntheticRowPlan ForBalance(long realRows, string columnName, IReadOnlyDictionary<string, long> rowsByClass, double ratio, int chunkSize, int seed)
    {
        var target = BalanceTarget(rowsByClass, ratio);
        var deficits = rowsByClass.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => ((string?)c.Key, target - c.Value))
            .Where(c => c.Item2 > 0)
            .ToArray();
        return new(columnName, Split(realRows, deficits, chunkSize, seed));
    }

    /// <summary>The row count every class is brought up to: <paramref name="ratio"/> of the largest class, rounded.</summary>
    public static long BalanceTarget(IReadOnlyDictionary<string, long> rowsByClass, double ratio) =>
        rowsByClass.Count == 0 ? 0 : (long)Math.Round(ratio * rowsByClass.Values.Max(), MidpointRounding.AwayFromZero);

    private static List<GanSyntheticChunk> Split(long realRows, IEnumerable<(string? Condition, long Rows)> segments, int chunkSize, int seed)
    {
        var chunks = new List<GanSyntheticChunk>();
        var next = realRows;
        foreach (var (condition, rows) in segments)
            for (long done = 0; done < rows;)
            {
                var size = (int)Math.Min(chunkSize, rows - done);
                var index = chunks.Count;
                chunks.Add(new GanSyntheticChunk(index, next, size, condition, unchecked((int)RowSeeds.ForRow(seed, index))));
                next += size;
                done += size;
            }
        return chunks;
    }
}
