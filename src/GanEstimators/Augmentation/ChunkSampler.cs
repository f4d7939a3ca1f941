using Microsoft.ML;

namespace GanEstimators.Augmentation;

/// <summary>
/// The only place augmentation talks to <see cref="GanSampler"/> about classes: which column it can condition on,
/// which classes it knows, and the sampling call itself.
/// </summary>
internal static class ChunkSampler
{
    /// <summary>Throws unless the sampler can generate rows of a chosen class of <paramref name="columnName"/>.</summary>
    public static void EnsureCanCondition(GanSampler sampler, string columnName)
    {
        if (sampler.ConditionableColumnNames.Contains(columnName)) return;
        throw new ArgumentException(sampler.ConditionableColumnNames.Count == 0
            ? $"Cannot balance column '{columnName}': the sampler has no condition column and no categorical features, so it cannot generate rows of a chosen class. Train with GanTrainer.Options.ConditionColumnName = \"{columnName}\" or with '{columnName}' as a categorical feature."
            : $"Cannot balance column '{columnName}': the sampler can generate rows of a chosen value of {string.Join(", ", sampler.ConditionableColumnNames.Select(n => $"'{n}'"))} only.",
            nameof(GanAugmentationOptions.BalanceColumnName));
    }

    /// <summary>The classes of <paramref name="columnName"/> the sampler can be asked for, in invariant text form.</summary>
    public static IReadOnlyList<string> KnownClasses(GanSampler sampler, string columnName) => sampler.ValuesOf(columnName);

    /// <summary>
    /// The chunk's rows: all of class <see cref="GanSyntheticChunk.Condition"/> of <paramref name="columnName"/>, or
    /// following the training frequencies when it is null. A <c>Unique</c> column numbers them from their place among
    /// the synthetic rows (the chunk's first row less <paramref name="realRows"/>), so chunks never repeat an ID.
    /// </summary>
    public static IDataView Sample(GanSampler sampler, string? columnName, GanSyntheticChunk chunk, long realRows) =>
        sampler.Sample(chunk.RowCount,
            chunk.Condition is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [columnName!] = chunk.Condition },
            chunk.Seed, numberFrom: chunk.FirstRow - realRows);
}
