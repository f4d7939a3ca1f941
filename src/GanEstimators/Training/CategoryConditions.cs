using GanEstimators.Encoding;
using GanEstimators.Serialization;

namespace GanEstimators.Training;

/// <summary>
/// CTGAN's conditional vector over the categorical feature columns: one-hot over every categorical column's slots,
/// with (in training) exactly one column's slot set. Training-by-sampling picks the column uniformly and its slot with
/// probability ∝ log(1 + count), then a real row that has that slot — so rare categories are seen often enough to be
/// learned. Sampling without a request follows the real slot frequencies instead.
/// The label of a conditional GAN takes part in the draw as one more column that sets nothing in the vector (the label
/// has its own one-hot): when it is picked, a class is drawn by log-frequency and then a row of that class, so rare
/// classes get their share of updates too. Sampling a row of a given class draws its categorical condition from that
/// class's own slot frequencies, so a class is never paired with a category it does not have (no Gentoo penguin on
/// Dream island because Dream is common overall).
/// </summary>
internal sealed class CategoryConditions
{
    private readonly DiscreteColumn[] _columns;

    // Width 0 marks the label pseudo-column, which is always last so the others keep their vector order.
    // CumulativeByClass: per class of the label, the slot frequencies within that class (null for a class without rows,
    // or for the whole array when the GAN is unconditional or the model predates them).
    private sealed record DiscreteColumn(int EncodedOffset, int ConditionOffset, int Width, int[][] RowsBySlot, double[] LogCumulative, double[] Cumulative, double[]?[]? CumulativeByClass);

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

    /// <summary>
    /// From the encoded training rows: each categorical column's rows by slot, and the label's classes as one more column
    /// when <paramref name="balanceClasses"/> (<c>BalanceConditionClasses</c>). <paramref name="classes"/> are the rows'
    /// classes of the label, null for an unconditional GAN.
    /// </summary>
    public static CategoryConditions Build(TableEncoder encoder, float[] encoded, int rows, int[]? classes, int classCount, bool balanceClasses)
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
                CumulativeWeights.Of(counts.Select(n => Math.Log(1 + n))), CumulativeWeights.Of(counts),
                classes is null ? null : WithinClasses(lists, classes, classCount)));
            conditionOffset += width;
        }
        if (classes is not null && balanceClasses)
        {
            var lists = Enumerable.Range(0, classCount).Select(_ => new List<int>()).ToArray();
            for (var r = 0; r < rows; r++) lists[classes[r]].Add(r);
            var counts = lists.Select(l => (double)l.Count).ToArray();
            columns.Add(new DiscreteColumn(-1, conditionOffset, 0, lists.Select(l => l.ToArray()).ToArray(),
                CumulativeWeights.Of(counts.Select(n => Math.Log(1 + n))), CumulativeWeights.Of(counts), null));
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

    private static double[]?[] WithinClasses(List<int>[] rowsBySlot, int[] classes, int classCount)
    {
        var counts = new double[classCount][];
        for (var k = 0; k < classCount; k++) counts[k] = new double[rowsBySlot.Length];
        for (var slot = 0; slot < rowsBySlot.Length; slot++)
            foreach (var row in rowsBySlot[slot]) counts[classes[row]][slot]++;
        return counts.Select(c => c.Sum() > 0 ? CumulativeWeights.Of(c) : null).ToArray();
    }

    /// <summary>Fills the vector for unrequested sampling: one column per row, its slot by the real frequencies (within the row's class when <paramref name="classes"/> are given).</summary>
    public void DrawForSampling(int count, Span<float> vector, Random random, int[]? classes = null)
    {
        for (var i = 0; i < count; i++)
        {
            var position = DrawPositionForSampling(random, classes?[i] ?? -1);
            if (position >= 0) vector[i * Width + position] = 1;
        }
    }

    /// <summary>
    /// One row's draw for unrequested sampling: its position in the vector, or -1 when the label pseudo-column was drawn.
    /// The slot follows the frequencies within <paramref name="classIndex"/> when it is given (≥ 0) and the model has them.
    /// </summary>
    public int DrawPositionForSampling(Random random, int classIndex = -1)
    {
        var column = _columns[random.Next(_columns.Length)];
        if (column.Width == 0) return -1;
        var cumulative = classIndex >= 0 && column.CumulativeByClass?[classIndex] is { } withinClass ? withinClass : column.Cumulative;
        return column.ConditionOffset + CumulativeWeights.Draw(cumulative, random);
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
            WriteCumulative(writer, column.Cumulative);
            writer.Write(column.CumulativeByClass?.Length ?? 0);
            foreach (var withinClass in column.CumulativeByClass ?? Array.Empty<double[]?>())
            {
                writer.Write(withinClass is not null);
                if (withinClass is not null) WriteCumulative(writer, withinClass);
            }
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote; models before format 0x00010007 have no frequencies within classes.</summary>
    public static CategoryConditions Load(BinaryReader reader, bool withinClasses)
    {
        var columns = new DiscreteColumn[reader.ReadCount("number of categorical conditions", ModelLimits.MaxColumns + 1, bytesPerItem: 16)];
        for (var i = 0; i < columns.Length; i++)
        {
            int encodedOffset = reader.ReadInt32(), conditionOffset = reader.ReadInt32(), width = reader.ReadInt32();
            var cumulative = ReadCumulative(reader);
            double[]?[]? byClass = null;
            if (withinClasses)
            {
                byClass = new double[reader.ReadCount("number of classes with category frequencies", ModelLimits.MaxConditionClasses, bytesPerItem: 1)][];
                for (var k = 0; k < byClass.Length; k++) byClass[k] = reader.ReadBoolean() ? ReadCumulative(reader) : null;
                if (byClass.Length == 0) byClass = null;
            }
            columns[i] = new DiscreteColumn(encodedOffset, conditionOffset, width, Array.Empty<int[]>(), Array.Empty<double>(), cumulative, byClass);
        }
        return new CategoryConditions(columns);
    }

    private static void WriteCumulative(BinaryWriter writer, double[] cumulative)
    {
        writer.Write(cumulative.Length);
        foreach (var p in cumulative) writer.Write(p);
    }

    private static double[] ReadCumulative(BinaryReader reader)
    {
        var cumulative = new double[reader.ReadCount("number of category frequencies", ModelLimits.MaxCategoryLevels + 2, bytesPerItem: 8, min: 1)];
        for (var k = 0; k < cumulative.Length; k++)
        {
            cumulative[k] = reader.ReadFiniteDouble("cumulative category frequency");
            if (cumulative[k] < (k > 0 ? cumulative[k - 1] : 0)) throw new InvalidDataException("The saved cumulative category frequencies decrease.");
        }
        if (!(cumulative[^1] > 0)) throw new InvalidDataException("The saved category frequencies are all zero.");
        return cumulative;
    }

    /// <summary>
    /// Why these conditions cannot belong to <paramref name="features"/> and a condition of <paramref name="classCount"/>
    /// classes (0 when unconditional), or null when they can: a loaded model must agree with itself before it samples.
    /// </summary>
    public string? Mismatch(TableEncoder features, int classCount)
    {
        var categorical = Enumerable.Range(0, features.Columns.Count).Where(c => features.Columns[c] is CategoricalEncoder).ToArray();
        var label = _columns.Length > 0 && _columns[^1].Width == 0 ? 1 : 0;
        if (_columns.Length - label != categorical.Length)
            return $"they cover {_columns.Length - label} categorical columns; the table has {categorical.Length}.";
        if (label == 1 && classCount == 0) return "they balance condition classes, but the model has no condition column.";
        var conditionOffset = 0;
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            if (i == categorical.Length)
            {
                if (column.Cumulative.Length != classCount) return $"the class frequencies cover {column.Cumulative.Length} classes; the condition has {classCount}.";
                continue;
            }
            var encoder = features.Columns[categorical[i]];
            if (column.EncodedOffset != features.EncodedOffsetOf(categorical[i]) || column.Width != encoder.EncodedWidth
                || column.ConditionOffset != conditionOffset || column.Cumulative.Length != column.Width)
                return $"those of column '{encoder.Name}' (offset {column.EncodedOffset}, {column.Width} slots, {column.Cumulative.Length} frequencies) do not match its encoder (offset {features.EncodedOffsetOf(categorical[i])}, {encoder.EncodedWidth} slots).";
            if (column.CumulativeByClass is { } byClass
                && (byClass.Length != classCount || byClass.Any(c => c is not null && c.Length != column.Width)))
                return $"the frequencies of column '{encoder.Name}' within classes do not match its {column.Width} slots and the {classCount} classes.";
            conditionOffset += column.Width;
        }
        return null;
    }
}
