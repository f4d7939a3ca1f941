namespace GanEstimators.Encoding;

/// <summary>
/// Reservoir sampling (Vitter's algorithm R): the first <c>capacity</c> rows fill the reservoir, and row <c>i</c>
/// (0-based) after them replaces a uniformly chosen kept row with probability capacity / (i + 1), so after any number
/// of rows every row read is kept with the same probability. Row numbers are 64-bit: a view may have more rows than an
/// array can hold.
/// </summary>
internal static class RowReservoir
{
    /// <summary>The reservoir slot row <paramref name="index"/> takes, or −1 when it is not kept; draws from <paramref name="random"/> only once the reservoir is full.</summary>
    public static long SlotFor(long index, long capacity, Random random)
    {
        if (index < capacity) return index;
        var slot = random.NextInt64(index + 1);
        return slot < capacity ? slot : -1;
    }
}
