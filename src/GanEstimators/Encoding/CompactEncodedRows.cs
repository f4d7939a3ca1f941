namespace GanEstimators.Encoding;

/// <summary>
/// Encoded rows as their non-zero entries: every row has <see cref="EntriesPerRow"/> (position, value) pairs in
/// ascending position, the bound the columns give (<see cref="ColumnEncoder.MaxNonZeros"/>); a row with fewer pads
/// with zeros written at a position the row leaves zero. "Non-zero" is by bits, so a −0 offset is kept as it was.
/// </summary>
internal sealed class CompactEncodedRows
{
    /// <summary>A 16-bit position and a 32-bit value.</summary>
    public const int BytesPerEntry = sizeof(short) + sizeof(float);

    private readonly short[] _positions;
    private readonly float[] _values;

    private CompactEncodedRows(short[] positions, float[] values, int count, int entriesPerRow)
    {
        _positions = positions;
        _values = values;
        Count = count;
        EntriesPerRow = entriesPerRow;
    }

    public int Count { get; }

    public int EntriesPerRow { get; }

    /// <summary>Encodes every row as <see cref="TableEncoder.Encode"/> does (same seeded draws, in the same order), keeping the non-zero entries.</summary>
    public static CompactEncodedRows Encode(TableEncoder encoder, TrainingTable table, int entriesPerRow, int seed)
    {
        var rows = table.Rows;
        var length = TableSize.Length(rows, entriesPerRow, "encoded (non-zero)");
        var positions = new short[length];
        var values = new float[length];
        var random = new Random(seed);
        var scratch = new float[encoder.Columns.Count == 0 ? 0 : encoder.Columns.Max(c => c.EncodedWidth)];
        for (var r = 0; r < rows; r++)
        {
            var start = r * entriesPerRow;
            var n = 0;
            for (var c = 0; c < encoder.Columns.Count; c++)
            {
                var column = encoder.Columns[c];
                var at = encoder.EncodedOffsetOf(c);
                var raw = table.Raw.AsSpan(r * encoder.RawWidth + encoder.RawOffsetOf(c), column.RawWidth);
                if (column is CategoricalEncoder categorical)
                {
                    // One-hot: its slot alone, without writing (and scanning) the whole span.
                    positions[start + n] = (short)(at + categorical.SlotOf(raw[0]));
                    values[start + n++] = 1;
                    continue;
                }
                var encoded = scratch.AsSpan(0, column.EncodedWidth);
                column.Encode(raw, encoded, random);
                for (var j = 0; j < encoded.Length; j++)
                {
                    if (BitConverter.SingleToInt32Bits(encoded[j]) == 0) continue;
                    if (n == entriesPerRow)
                        throw new InvalidOperationException($"Column '{column.Name}' encoded more non-zero values than its bound of {column.MaxNonZeros}.");
                    positions[start + n] = (short)(at + j);
                    values[start + n++] = encoded[j];
                }
            }
            Pad(positions.AsSpan(start, entriesPerRow), values.AsSpan(start, entriesPerRow), n);
        }
        return new CompactEncodedRows(positions, values, rows, entriesPerRow);
    }

    // The first position the row's entries skip is zero in the row; padding writes zeros there.
    private static void Pad(Span<short> positions, Span<float> values, int used)
    {
        if (used == positions.Length) return;
        short free = 0;
        for (var i = 0; i < used && positions[i] == free; i++) free++;
        for (var i = used; i < positions.Length; i++)
        {
            positions[i] = free;
            values[i] = 0;
        }
    }

    /// <summary>The slot set in the one-hot span at <paramref name="offset"/> (of <paramref name="width"/>) of a row, or −1.</summary>
    public int HotSlot(int row, int offset, int width)
    {
        var start = row * EntriesPerRow;
        for (var i = start; i < start + EntriesPerRow; i++)
            if (_positions[i] >= offset && _positions[i] < offset + width && _values[i] == 1f) return _positions[i] - offset;
        return -1;
    }

    public CompactEncodedRows Take(int[] rows)
    {
        var length = TableSize.Length(rows.Length, EntriesPerRow, "encoded (non-zero)");
        var positions = new short[length];
        var values = new float[length];
        for (var i = 0; i < rows.Length; i++)
        {
            _positions.AsSpan(rows[i] * EntriesPerRow, EntriesPerRow).CopyTo(positions.AsSpan(i * EntriesPerRow));
            _values.AsSpan(rows[i] * EntriesPerRow, EntriesPerRow).CopyTo(values.AsSpan(i * EntriesPerRow));
        }
        return new CompactEncodedRows(positions, values, rows.Length, EntriesPerRow);
    }

    public EncodedRowsOnDevice ToDevice(int width, TorchSharp.torch.Device device) => EncodedRowsOnDevice.Compact(
        TorchSharp.torch.tensor(_positions, new long[] { Count, EntriesPerRow }).to(device),
        TorchSharp.torch.tensor(_values, new long[] { Count, EntriesPerRow }).to(device), width);
}
