using Microsoft.ML.Data;

namespace GanEstimators.Sampling;

/// <summary>Deterministic, well-mixed seeds for per-row generation (SplitMix64 finaliser).</summary>
internal static class RowSeeds
{
    public static ulong ForRow(int modelSeed, long rowPosition)
    {
        var z = unchecked((ulong)modelSeed * 0x9E3779B97F4A7C15UL + (ulong)rowPosition + 0x632BE59BD9B4E019UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>
    /// The seed of block <paramref name="block"/> of a range sample's stream (<see cref="SampleBlocks"/>): SplitMix64 of
    /// the sample seed and the block index, in a domain of its own (another constant than <see cref="ForRow(int, long)"/>),
    /// so a range seeded like the model does not reuse <c>Transform</c>'s row seeds.
    /// </summary>
    public static ulong ForBlock(int sampleSeed, long block) =>
        Mix(Mix(unchecked((ulong)sampleSeed ^ 0xD1B54A32D192ED03UL)) + unchecked((ulong)block * 0x9E3779B97F4A7C15UL));

    /// <summary>A second seed derived from <paramref name="seed"/>, for a generator that must not share its first one's stream.</summary>
    public static ulong Derived(ulong seed) => Mix(seed ^ 0xA0761D6478BD642FUL);

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>
    /// The seed of an input row of <c>Transform</c>, from its ML.NET row id: stable across passes and cursor sets,
    /// unlike a cursor's position. Ids of in-memory data are (index, 0), so those rows keep the seed of their index.
    /// </summary>
    public static ulong ForRow(int modelSeed, DataViewRowId id) =>
        ForRow(modelSeed, unchecked((long)(id.High == 0 ? id.Low : id.Low ^ ForRow(modelSeed, (long)id.High))));
}
