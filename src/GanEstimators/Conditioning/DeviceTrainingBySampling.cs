using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Conditioning;

/// <summary>
/// <see cref="TrainingBySampling"/> drawn on the device: the same distribution (a column uniformly, its slot by the
/// cumulative log-frequencies, then a training row of that slot uniformly), drawn by torch where the rows live, so a
/// batch needs no row index or conditional vector built on the host and copied over. Used with device draws
/// (<see cref="TrainingRandom"/>); the host draws stay as they were, so CPU results do not change.
/// </summary>
internal sealed class DeviceTrainingBySampling : IDisposable
{
    private readonly Tensor _cumulative;   // columns × most slots, float64; padded with +∞ so a draw never lands in the padding
    private readonly Tensor _lastSlot;     // per column, the last slot of positive weight (guards rounding at u · total)
    private readonly Tensor _total;        // per column, its cumulative total
    private readonly Tensor _start;        // columns × most slots: where the slot's rows start in _rows
    private readonly Tensor _count;        // columns × most slots: how many rows the slot has
    private readonly Tensor _rows;         // every column's training rows, slot by slot
    private readonly Tensor _vectorOffset; // per column, where its slots start in the conditional vector
    private readonly Tensor _setsVector;   // per column, 1 where its slot is set in the vector (0: the condition column)
    private readonly long _columns, _slots;
    private readonly Scalar _slotsScalar; // rooted: see TorchScalars
    private readonly int _width;

    public DeviceTrainingBySampling(IReadOnlyList<(int[][] RowsBySlot, double[] LogCumulative)> draws, ConditionalVector vector, Device device)
    {
        _columns = draws.Count;
        _slots = draws.Max(d => d.LogCumulative.Length);
        _width = vector.Width;
        _slotsScalar = _slots.ToScalar();
        var cumulative = new double[_columns * _slots];
        var start = new long[_columns * _slots];
        var count = new long[_columns * _slots];
        var lastSlot = new long[_columns];
        var total = new double[_columns];
        var rows = new List<long>();
        for (var c = 0; c < _columns; c++)
        {
            var (rowsBySlot, logCumulative) = draws[c];
            for (var s = 0; s < _slots; s++)
            {
                var at = c * _slots + s;
                cumulative[at] = s < logCumulative.Length ? logCumulative[s] : double.PositiveInfinity;
                if (s >= rowsBySlot.Length) continue;
                start[at] = rows.Count;
                count[at] = rowsBySlot[s].Length;
                rows.AddRange(rowsBySlot[s].Select(r => (long)r));
                if (rowsBySlot[s].Length > 0) lastSlot[c] = s;
            }
            total[c] = logCumulative[^1];
        }
        _cumulative = tensor(cumulative, new[] { _columns, _slots }, device: device);
        _start = tensor(start, new[] { _columns, _slots }, device: device);
        _count = tensor(count, new[] { _columns, _slots }, device: device);
        _lastSlot = tensor(lastSlot, device: device);
        _total = tensor(total, new[] { _columns, 1L }, device: device);
        _rows = tensor(rows.ToArray(), device: device);
        _vectorOffset = tensor(vector.Columns.Select(c => (long)c.VectorOffset).ToArray(), device: device);
        _setsVector = tensor(vector.Columns.Select(c => c.Width > 0 ? 1f : 0f).ToArray(), device: device);
        // Built on the first draw, inside a step's dispose scope: these live as long as the batches, not the step.
        foreach (var t in Tables) t.DetachFromDisposeScope();
    }

    private Tensor[] Tables => new[] { _cumulative, _lastSlot, _total, _start, _count, _rows, _vectorOffset, _setsVector };

    /// <summary>
    /// <paramref name="count"/> draws: the real row to pair with each, its conditional vector (count × width, null when
    /// the vector is empty), and the chosen column and slot (int64, on the device).
    /// </summary>
    public (Tensor RealRows, Tensor? Vector, Tensor Columns, Tensor Slots) Draw(int count, Generator random)
    {
        var device = _rows.device;
        var column = TorchRandom.Integers(_columns, new long[] { count }, device, random);
        var threshold = TorchRandom.Uniform(new long[] { count, 1 }, device, random, float64).mul_(_total.index_select(0, column));
        // The first slot whose running sum exceeds u · total, as CumulativeWeights.Draw: slots of weight zero are never drawn.
        var slot = searchsorted(_cumulative.index_select(0, column), threshold, right: true).squeeze(1).minimum(_lastSlot.index_select(0, column));
        var cell = column.mul(_slotsScalar).add_(slot, TorchScalars.IntegerOne);
        var rowCount = _count.take(cell);
        var pick = TorchRandom.Uniform(new long[] { count }, device, random, float64).mul_(rowCount).to(int64).minimum(rowCount.sub(TorchScalars.IntegerOne));
        var realRows = _rows.take(_start.take(cell).add_(pick, TorchScalars.IntegerOne));
        Tensor? vector = null;
        if (_width > 0)
        {
            var sets = _setsVector.index_select(0, column);
            // Rows that chose the condition column set nothing: a 0 written at position 0 of their all-zero row.
            var position = _vectorOffset.index_select(0, column).add_(slot, TorchScalars.IntegerOne).mul_(sets.to(int64));
            vector = zeros(new long[] { count, _width }, device: device).scatter_(1, position.unsqueeze(1), sets.unsqueeze(1));
        }
        return (realRows, vector, column, slot);
    }

    public void Dispose()
    {
        foreach (var t in Tables) t.Dispose();
        _slotsScalar.Dispose();
    }
}
