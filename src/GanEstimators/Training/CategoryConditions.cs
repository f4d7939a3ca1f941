using GanEstimators.Encoding;

namespace GanEstimators.Training;

/// <summary>
/// CTGAN's conditional vector over the categorical feature columns: one-hot over every categorical column's slots,
/// with (in training) exactly one column's slot set. Training-by-sampling picks the column uniformly and its slot with
/// probability ∝ log(1 + count), then a real row that has that slot — so rare categories are seen often enough to be
/// learned. Sampling without a request follows the real slot frequencies instead.
/// The label of a conditional GAN takes part in the draw as one more column that sets nothing in the vector (the label
/// has its own one-hot): when it is picked, a class is drawn by log-frequency and then a row of that class, so rare
/// classes get their share of updates too.
/// </summary>
internal sealed class CategoryConditions
{
    private readonly DiscreteColumn[] _columns;

    // Width 0 marks the label pseudo-column, which is always last so the others keep their vector order.
    private sealed record DiscreteColumn(int EncodedOffset, int ConditionOffset, int Width, int[][] RowsBySlot, double[] LogCumulative, double[] Cumulative);

    private CategoryConditions(DiscreteColumn[] columns)
    {
        _columns = columns;
        Width = columns.Sum(c => c.Width);
    }

    /// <summary>Width of the conditional vector (0 when the table has no categorical column).</summary>
    public int Width { get; }

    public int ColumnCount => _columns.Length;

    /// <summary>Encoded offset and width of each categorical column's span, in conditional-vector order (column index = position).</summary>
    public IEnumerable<(int EncodedOffset, int Width)> Spans => _columns.Where(c => c.Width > 0).Select(c => (c.EncodedOffset, c.Width));

    /// <summary>Offset of <paramref name="encoderIndex"/>'s slots in the conditional vector, or -1 if it is not categorical.</summary>
    public static int ConditionOffsetOf(TableEncoder encoder, int encoderIndex)
    {
        if (encoder.Columns[encoderIndex] is not CategoricalEncoder) return -1;
        return encoder.Columns.Take(encoderIndex).OfType<CategoricalEncoder>().Sum(c => c.EncodedWidth);
    }

    public static CategoryConditions Build(TableEncoder encoder, float[] encoded, int rows, int[]? labels, int labelCount)
    {
        var columns = new List<DiscreteColumn>();
        var conditionOffset = 0;
        for (var c = 0; c < encoder.Columns.Count; c++)
        {
            if (encoder.Columns[c] is not CategoricalEncoder categorical) continue;
            var offset = encoder.EncodedOffsetOf(c);
            var width = categorical.EncodedWidth;
            var lists = Enumerable.Range(0, width).Select(_ => new List<int>()).ToArray();
            for (var r = 0; r < rows; r++)
            {
                var row = encoded.AsSpan(r * encoder.EncodedWidth + offset, width);
                lists[row.IndexOf(1f)].Add(r);
            }
            var counts = lists.Select(l => (double)l.Count).ToArray();
            columns.Add(new DiscreteColumn(offset, conditionOffset, width, lists.Select(l => l.ToArray()).ToArray(),
                CumulativeWeights.Of(counts.Select(n => Math.Log(1 + n))), CumulativeWeights.Of(counts)));
            conditionOffset += width;
        }
        if (labels is not null)
        {
            var lists = Enumerable.Range(0, labelCount).Select(_ => new List<int>()).ToArray();
            for (var r = 0; r < rows; r++) lists[labels[r]].Add(r);
            var counts = lists.Select(l => (double)l.Count).ToArray();
            columns.Add(new DiscreteColumn(-1, conditionOffset, 0, lists.Select(l => l.ToArray()).ToArray(),
                CumulativeWeights.Of(counts.Select(n => Math.Log(1 + n))), CumulativeWeights.Of(counts)));
        }
        return new CategoryConditions(columns.ToArray());
    }

    /// <summary>
    /// Fills <paramref name="vector"/> (rows × <see cref="Width"/>) for training and returns, per row, the real row to
    /// pair with it, the chosen column and slot.
    /// </summary>
    public (int[] RealRows, int[] Columns, int[] Slots) DrawForTraining(int count, Span<float> vector, Random random)
    {
        var realRows = new int[count];
        var chosenColumns = new int[count];
        var slots = new int[count];
        for (var i = 0; i < count; i++)
        {
            var c = random.Next(_columns.Length);
            var column = _columns[c];
            // A slot with no training rows has weight log(1 + 0) = 0, which CumulativeWeights.Draw never returns.
            var slot = CumulativeWeights.Draw(column.LogCumulative, random);
            var candidates = column.RowsBySlot[slot];
            realRows[i] = candidates[random.Next(candidates.Length)];
            chosenColumns[i] = c;
            slots[i] = slot;
            if (column.Width > 0) vector[i * Width + column.ConditionOffset + slot] = 1;
        }
        return (realRows, chosenColumns, slots);
    }

    /// <summary>Fills the vector for unrequested sampling: one column per row, its slot by the real frequencies.</summary>
    public void DrawForSampling(int count, Span<float> vector, Random random)
    {
        for (var i = 0; i < count; i++)
        {
            var position = DrawPositionForSampling(random);
            if (position >= 0) vector[i * Width + position] = 1;
        }
    }

    /// <summary>One row's draw for unrequested sampling: its position in the vector, or -1 when the label pseudo-column was drawn.</summary>
    public int DrawPositionForSampling(Random random)
    {
        var column = _columns[random.Next(_columns.Length)];
        return column.Width > 0 ? column.ConditionOffset + CumulativeWeights.Draw(column.Cumulative, random) : -1;
    }

    /// <summary>Writes what sampling needs (not the training rows).</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write(_columns.Length);
        foreach (var column in _columns)
        {
            writer.Write(column.EncodedOffset);
            writer.Write(column.ConditionOffset);
            writer.Write(column.Width);
            writer.Write(column.Cumulative.Length);
            foreach (var p in column.Cumulative) writer.Write(p);
        }
    }

    public static CategoryConditions Load(BinaryReader reader)
    {
        var columns = new DiscreteColumn[reader.ReadInt32()];
        for (var i = 0; i < columns.Length; i++)
        {
            int encodedOffset = reader.ReadInt32(), conditionOffset = reader.ReadInt32(), width = reader.ReadInt32();
            var cumulative = new double[reader.ReadInt32()];
            for (var k = 0; k < cumulative.Length; k++) cumulative[k] = reader.ReadDouble();
            columns[i] = new DiscreteColumn(encodedOffset, conditionOffset, width, Array.Empty<int[]>(), Array.Empty<double>(), cumulative);
        }
        return new CategoryConditions(columns);
    }
}
