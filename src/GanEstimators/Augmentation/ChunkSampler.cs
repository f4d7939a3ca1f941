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
        // Widen to every categorical column once GanSampler.Sample(int, IReadOnlyDictionary<string, string>, int?) exists.
        if (sampler.ConditionColumnName == columnName) return;
        throw new ArgumentException(sampler.ConditionColumnName is null
            ? $"Cannot balance column '{columnName}': the sampler was trained without a condition column, so it cannot generate rows of a chosen class. Train with GanTrainer.Options.ConditionColumnName = \"{columnName}\"."
            : $"Cannot balance column '{columnName}': the sampler can only generate rows of a chosen class of its condition column '{sampler.ConditionColumnName}'.",
            nameof(GanAugmentationOptions.BalanceColumnName));
    }

    /// <summary>The classes of <paramref name="columnName"/> the sampler can be asked for, in invariant text form.</summary>
    public static IReadOnlyList<string> KnownClasses(GanSampler sampler, string columnName) => sampler.ConditionClasses;

    /// <summary>The chunk's rows: all of class <see cref="GanSyntheticChunk.Condition"/> of <paramref name="columnName"/>, or following the training frequencies when it is null.</summary>
    public static IDataView Sample(GanSampler sampler, string? columnName, GanSyntheticChunk chunk) =>
        // Switch to sampler.Sample(chunk.RowCount, new Dictionary<string, string> { [columnName!] = chunk.Condition }, chunk.Seed)
        // (an empty dictionary when Condition is null) when that overload lands; columnName is unused until then.
        sampler.Sample(chunk.RowCount, chunk.Condition, chunk.Seed);
}
