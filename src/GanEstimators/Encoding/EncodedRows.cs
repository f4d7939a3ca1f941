using GanEstimators.Native;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Encoding;

/// <summary>
/// Encoded rows as the networks see them: <see cref="Count"/> rows of <see cref="Width"/> values, and for a
/// conditional GAN each row's class of the condition column (<see cref="Classes"/>, null when unconditional) out of
/// <see cref="ClassCount"/>. Held either dense (row-major) or, when that is much smaller, as each row's
/// one-hot positions and other values (<see cref="CompactEncodedRows"/>: one-hot columns are almost all zeros, so a
/// wide table of millions of rows fits in memory); both give the same batches bit for bit.
/// </summary>
internal sealed class EncodedRows
{
    private readonly float[]? _dense;
    private readonly CompactEncodedRows? _compact;

    private EncodedRows(float[]? dense, CompactEncodedRows? compact, int count, int width, int[]? classes, int classCount)
    {
        _dense = dense;
        _compact = compact;
        Count = count;
        Width = width;
        Classes = classes;
        ClassCount = classCount;
    }

    /// <summary>Dense rows (<paramref name="values"/> is <paramref name="count"/> × <paramref name="width"/>, row-major).</summary>
    public EncodedRows(float[] values, int count, int width, int[]? classes, int classCount) : this(values, null, count, width, classes, classCount)
    {
        if (values.Length != TableSize.Length(count, width, "encoded"))
            throw new ArgumentException($"Got {values.Length} values for {count} rows of {width}.", nameof(values));
    }

    public int Count { get; }

    public int Width { get; }

    public int[]? Classes { get; }

    public int ClassCount { get; }

    /// <summary>Whether the rows are held as their non-zero entries.</summary>
    public bool IsCompact => _compact is not null;

    /// <summary>No rows (a hold-out when early stopping is off).</summary>
    public static EncodedRows None(int width, int classCount) => new(Array.Empty<float>(), 0, width, null, classCount);

    /// <summary>
    /// Dense rows up to this size stay dense: a compact batch costs a handful of extra kernels per draw, which a small
    /// table would pay on every step for memory it does not need.
    /// </summary>
    public const long DenseBytesKeptDense = 64L << 20;

    /// <summary>
    /// Encodes <paramref name="table"/> with <paramref name="encoder"/> (seeded as <see cref="TableEncoder.Encode"/>), compactly
    /// when the dense rows would pass <paramref name="denseBytesKeptDense"/> and compact ones take at most half their memory.
    /// </summary>
    public static EncodedRows Encode(TableEncoder encoder, TrainingTable table, int seed, int[]? classes, int classCount, long denseBytesKeptDense = DenseBytesKeptDense)
    {
        var width = encoder.EncodedWidth;
        if ((long)table.Rows * width * sizeof(float) > denseBytesKeptDense
            && CompactEncodedRows.BytesPerRow(encoder) * 2 <= (long)width * sizeof(float)
            && CompactEncodedRows.Encode(encoder, table, seed) is { } compact)
            return new(null, compact, table.Rows, width, classes, classCount);
        return new(encoder.Encode(table.Raw, table.Rows, seed), null, table.Rows, width, classes, classCount);
    }

    /// <summary>The slot of the one-hot span at <paramref name="offset"/> (of <paramref name="width"/>) that row <paramref name="row"/> sets, or −1.</summary>
    public int HotSlot(int row, int offset, int width) =>
        _compact?.HotSlot(row, offset) ?? _dense.AsSpan(row * Width + offset, width).IndexOf(1f);

    /// <summary>The rows at <paramref name="rows"/>, in that order, with their classes.</summary>
    public EncodedRows Take(int[] rows)
    {
        var classes = Classes is null ? null : rows.Select(i => Classes[i]).ToArray();
        if (_compact is not null) return new(null, _compact.Take(rows), rows.Length, Width, classes, ClassCount);
        var values = new float[TableSize.Length(rows.Length, Width, "encoded")];
        for (var i = 0; i < rows.Length; i++) _dense.AsSpan(rows[i] * Width, Width).CopyTo(values.AsSpan(i * Width));
        return new EncodedRows(values, rows.Length, Width, classes, ClassCount);
    }

    /// <summary>The rows as a dense (count × width) tensor on <paramref name="device"/>.</summary>
    public Tensor ToTensor(Device device)
    {
        if (_compact is null) return tensor(_dense!, new long[] { Count, Width }).to(device);
        using var table = _compact.ToDevice(Width, device);
        using var all = RootedFunctions.Arange(Count, device);
        return table.Gather(all);
    }

    /// <summary>The rows on <paramref name="device"/>, in the form they are held, for drawing batches from.</summary>
    public EncodedRowsOnDevice ToDevice(Device device) =>
        _compact?.ToDevice(Width, device) ?? EncodedRowsOnDevice.Dense(SharedTensor.Of(_dense!, ScalarType.Float32, Count, Width, device));

    /// <summary>The classes one-hot (count × class count) on <paramref name="device"/>, or null when unconditional.</summary>
    public Tensor? ClassesOneHot(Device device)
    {
        if (Classes is null) return null;
        using var indices = tensor(Classes.Select(i => (long)i).ToArray());
        return F.one_hot(indices, ClassCount).to(float32).to(device);
    }
}
