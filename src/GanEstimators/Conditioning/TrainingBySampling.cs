using GanEstimators.Encoding;

namespace GanEstimators.Conditioning;

/// <summary>
/// CTGAN's training-by-sampling: each training row's conditional vector picks a column uniformly and its slot with
/// probability ∝ log(1 + count), then a real row that has that slot — so rare categories are seen often enough to be
/// learned. When the condition column takes part (balanced classes), a class is drawn the same way and then a row of
/// that class, so rare classes get their share of updates too.
/// </summary>
internal sealed class TrainingBySampling
{
    // Per column of the vector, in its order: the training rows in each slot and the cumulative log-frequencies.
    private readonly (int[][] RowsBySlot, double[] LogCumulative)[] _draws;

    private TrainingBySampling(ConditionalVector vector, (int[][], double[])[] draws)
    {
        Vector = vector;
        _draws = draws;
    }

    /// <summary>The vector's layout and the real slot frequencies of the training rows (what sampling needs).</summary>
    public ConditionalVector Vector { get; }

    /// <summary>
    /// From the encoded training rows: each categorical column's rows by slot, and the condition column's classes as one
    /// more column when <paramref name="balanceClasses"/> (<c>BalanceConditionClasses</c>) and the GAN is conditional.
    /// </summary>
    public static TrainingBySampling Build(TableEncoder encoder, EncodedRows rows, bool balanceClasses)
    {
        var columns = new List<ConditionalVector.Column>();
        var draws = new List<(int[][], double[])>();
        var vectorOffset = 0;
        for (var c = 0; c < encoder.Columns.Count; c++)
        {
            if (encoder.Columns[c] is not CategoricalEncoder categorical) continue;
            var offset = encoder.EncodedOffsetOf(c);
            var width = categorical.EncodedWidth;
            var lists = Enumerable.Range(0, width).Select(_ => new List<int>()).ToArray();
            for (var r = 0; r < rows.Count; r++) lists[rows.Row(r).Slice(offset, width).IndexOf(1f)].Add(r);
            var counts = lists.Select(l => (double)l.Count).ToArray();
            columns.Add(new ConditionalVector.Column(offset, vectorOffset, width, CumulativeWeights.Of(counts),
                rows.Classes is null ? null : WithinClasses(lists, rows.Classes, rows.ClassCount)));
            draws.Add((lists.Select(l => l.ToArray()).ToArray(), CumulativeWeights.Of(counts.Select(n => Math.Log(1 + n)))));
            vectorOffset += width;
        }
        if (rows.Classes is { } classes && balanceClasses)
        {
            var lists = Enumerable.Range(0, rows.ClassCount).Select(_ => new List<int>()).ToArray();
            for (var r = 0; r < rows.Count; r++) lists[classes[r]].Add(r);
            var counts = lists.Select(l => (double)l.Count).ToArray();
            columns.Add(new ConditionalVector.Column(-1, vectorOffset, 0, CumulativeWeights.Of(counts), null));
            draws.Add((lists.Select(l => l.ToArray()).ToArray(), CumulativeWeights.Of(counts.Select(n => Math.Log(1 + n)))));
        }
        return new TrainingBySampling(new ConditionalVector(columns), draws.ToArray());
    }

    /// <summary>The same draws made by torch on <paramref name="device"/> (see <see cref="DeviceTrainingBySampling"/>); the caller disposes it.</summary>
    public DeviceTrainingBySampling OnDevice(TorchSharp.torch.Device device) => new(_draws, Vector, device);

    /// <summary>Whether there is anything to draw (a categorical column, or balanced classes).</summary>
    public bool HasColumns => _draws.Length > 0;

    /// <summary>
    /// Fills <paramref name="vector"/> (count × the vector's width) for training and returns, per row, the real row to
    /// pair with it, the chosen column and slot.
    /// </summary>
    public (int[] RealRows, int[] Columns, int[] Slots) Draw(int count, Span<float> vector, Random random)
    {
        var realRows = new int[count];
        var chosenColumns = new int[count];
        var slots = new int[count];
        for (var i = 0; i < count; i++)
        {
            var c = random.Next(_draws.Length);
            var (rowsBySlot, logCumulative) = _draws[c];
            // A slot with no training rows has weight log(1 + 0) = 0, which CumulativeWeights.Draw never returns.
            var slot = CumulativeWeights.Draw(logCumulative, random);
            var candidates = rowsBySlot[slot];
            realRows[i] = candidates[random.Next(candidates.Length)];
            chosenColumns[i] = c;
            slots[i] = slot;
            var column = Vector.Columns[c];
            if (column.Width > 0) vector[i * Vector.Width + column.VectorOffset + slot] = 1;
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
}
