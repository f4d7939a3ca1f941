namespace GanEstimators.Sampling;

/// <summary>
/// The unit of a range sample's stream (<c>GanSampler.SampleRange</c>): the infinite stream of a seed is cut into
/// blocks of <see cref="Rows"/> rows, and block <c>b</c> is generated on its own, as one sample of that many rows
/// whose noise and decoding draws come from a torch generator seeded with <see cref="RowSeeds.ForBlock"/>(seed, b) and
/// whose class draws come from a C# generator seeded from that seed. A block's rows therefore never depend on which
/// range asked for them, so any split of a range into shards concatenates to the same rows as one call.
/// Changing <see cref="Rows"/> (or <see cref="SyntheticRowGenerator.ChunkRows"/>) changes every range's rows.
/// </summary>
internal static class SampleBlocks
{
    /// <summary>Rows per block: one forward pass of the generator, so a shard that starts mid-block wastes at most one pass.</summary>
    public const int Rows = SyntheticRowGenerator.ChunkRows;

    public static long BlockOf(long row) => row / Rows;
}
