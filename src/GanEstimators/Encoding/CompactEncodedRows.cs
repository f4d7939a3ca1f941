using static TorchSharp.torch;

namespace GanEstimators.Encoding;

/// <summary>
/// Encoded rows without their zeros. Every one-hot span (a categorical column, a numeric column's mode) holds exactly
/// one 1, kept as its 16-bit position; every other span (offsets, date cycles, standardised values) is kept as values
/// at positions fixed for the table. A row of a wide table then takes a few dozen bytes instead of four per encoded
/// value, and a batch is rebuilt exactly (same bits, −0 included) by scattering the ones and copying the values.
/// </summary>
internal sealed class CompactEncodedRows
{
    private readonly Layout _layout;
    private readonly short[] _hot;     // rows × hot spans: the position of each one-hot span's 1
    private readonly float[] _values;  // rows × value positions

    private CompactEncodedRows(Layout layout, short[] hot, float[] values, int count)
    {
        _layout = layout;
        _hot = hot;
        _values = values;
        Count = count;
    }

    public int Count { get; }

    /// <summary>Bytes per row, against four per encoded value dense.</summary>
    public static long BytesPerRow(TableEncoder encoder) => Layout.Of(encoder) is { } layout ? layout.BytesPerRow : long.MaxValue;

    /// <summary>The rows encoded as <see cref="TableEncoder.Encode"/> encodes them (same seeded draws, in the same order), or null when a span is not what the layout expects.</summary>
    public static CompactEncodedRows? Encode(TableEncoder encoder, TrainingTable table, int seed)
    {
        var layout = Layout.Of(encoder) ?? throw new InvalidOperationException("The encoder's spans do not allow a compact table.");
        var rows = table.Rows;
        var hot = new short[TableSize.Length(rows, layout.HotSpans.Length, "encoded (one-hot)")];
        var values = new float[TableSize.Length(rows, layout.ValuePositions.Length, "encoded (values)")];
        var random = new Random(seed);
        var scratch = new float[encoder.Columns.Count == 0 ? 0 : encoder.Columns.Max(c => c.EncodedWidth)];
        var hotWidth = layout.HotSpans.Length;
        var valueWidth = layout.ValuePositions.Length;
        for (var r = 0; r < rows; r++)
        {
            int h = r * hotWidth, v = r * valueWidth;
            for (var c = 0; c < encoder.Columns.Count; c++)
            {
                var column = encoder.Columns[c];
                var at = encoder.EncodedOffsetOf(c);
                var raw = table.Raw.AsSpan(r * encoder.RawWidth + encoder.RawOffsetOf(c), column.RawWidth);
                if (column is CategoricalEncoder categorical)
                {
                    // Its one span's 1, without writing (and scanning) the whole span.
                    hot[h++] = (short)(at + categorical.SlotOf(raw[0]));
                    continue;
                }
                var encoded = scratch.AsSpan(0, column.EncodedWidth);
                column.Encode(raw, encoded, random);
                foreach (var span in column.Spans)
                {
                    var part = encoded.Slice(span.Offset, span.Width);
                    if (span.Activation != SpanActivation.Softmax)
                    {
                        part.CopyTo(values.AsSpan(v, span.Width));
                        v += span.Width;
                        continue;
                    }
                    var one = part.IndexOf(1f);
                    if (one < 0 || part.Slice(one + 1).ContainsAnyExcept(0f) || part[..one].ContainsAnyExcept(0f) || HasNegativeZero(part)) return null;
                    hot[h++] = (short)(at + span.Offset + one);
                }
            }
        }
        return new CompactEncodedRows(layout, hot, values, rows);
    }

    private static bool HasNegativeZero(ReadOnlySpan<float> values)
    {
        foreach (var x in values)
            if (BitConverter.SingleToInt32Bits(x) == int.MinValue) return true;
        return false;
    }

    /// <summary>The slot set in the one-hot span at <paramref name="offset"/> of row <paramref name="row"/>, or −1 when no one-hot span starts there.</summary>
    public int HotSlot(int row, int offset)
    {
        var span = Array.IndexOf(_layout.HotSpans, offset);
        return span < 0 ? -1 : _hot[row * _layout.HotSpans.Length + span] - offset;
    }

    public CompactEncodedRows Take(int[] rows)
    {
        var hotWidth = _layout.HotSpans.Length;
        var valueWidth = _layout.ValuePositions.Length;
        var hot = new short[TableSize.Length(rows.Length, hotWidth, "encoded (one-hot)")];
        var values = new float[TableSize.Length(rows.Length, valueWidth, "encoded (values)")];
        for (var i = 0; i < rows.Length; i++)
        {
            _hot.AsSpan(rows[i] * hotWidth, hotWidth).CopyTo(hot.AsSpan(i * hotWidth));
            _values.AsSpan(rows[i] * valueWidth, valueWidth).CopyTo(values.AsSpan(i * valueWidth));
        }
        return new CompactEncodedRows(_layout, hot, values, rows.Length);
    }

    /// <summary>The rows on <paramref name="device"/>; on the CPU the tensors share these arrays rather than copy them.</summary>
    public EncodedRowsOnDevice ToDevice(int width, Device device) => EncodedRowsOnDevice.Compact(
        SharedTensor.Of(_hot, ScalarType.Int16, Count, _layout.HotSpans.Length, device),
        SharedTensor.Of(_values, ScalarType.Float32, Count, _layout.ValuePositions.Length, device),
        tensor(_layout.ValuePositions.Select(p => (long)p).ToArray()).to(device), width);

    /// <summary>Where a table's one-hot spans start and which positions hold values, from its columns' output spans.</summary>
    private sealed record Layout(int[] HotSpans, int[] ValuePositions, int Width)
    {
        public long BytesPerRow => HotSpans.Length * (long)sizeof(short) + ValuePositions.Length * (long)sizeof(float);

        /// <summary>Null when the spans do not tile the encoded row or a position does not fit 16 bits.</summary>
        public static Layout? Of(TableEncoder encoder)
        {
            var width = encoder.EncodedWidth;
            if (width > short.MaxValue) return null;
            var hot = new List<int>();
            var values = new List<int>();
            var next = 0;
            foreach (var span in encoder.Spans.OrderBy(s => s.Offset))
            {
                if (span.Offset != next) return null;
                if (span.Activation == SpanActivation.Softmax) hot.Add(span.Offset);
                else values.AddRange(Enumerable.Range(span.Offset, span.Width));
                next += span.Width;
            }
            if (next != width) return null;
            return new Layout(hot.ToArray(), values.ToArray(), width);
        }
    }
}
