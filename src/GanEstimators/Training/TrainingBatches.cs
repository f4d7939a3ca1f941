using GanEstimators.Conditioning;
using GanEstimators.Encoding;
using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>
/// The encoded training rows, resident on the device, drawn in random batches (with replacement, as CTGAN does). With
/// categorical columns, rows are drawn by training-by-sampling (<see cref="TrainingBySampling"/>): on the host, or with
/// device draws on the device (<see cref="DeviceTrainingBySampling"/>), so that a step copies nothing to the device.
/// </summary>
internal sealed class TrainingBatches : IDisposable
{
    private readonly EncodedRowsOnDevice _rows;
    private readonly Tensor? _labels;
    private readonly TrainingBySampling? _categories;
    private DeviceTrainingBySampling? _deviceCategories;
    private float[] _vector = Array.Empty<float>(); // reused: a fresh batch × vector array each draw is large-object garbage

    public TrainingBatches(EncodedRows rows, TrainingBySampling? categories, Device device)
    {
        Rows = rows.Count;
        _rows = rows.ToDevice(device);
        _labels = rows.ClassesOneHot(device);
        _categories = categories is { HasColumns: true } ? categories : null;
    }

    public int Rows { get; }

    /// <summary>Steps in an epoch of batches of <paramref name="batchSize"/> rows: an epoch covers the rows (at least one step).</summary>
    public int StepsPerEpoch(int batchSize) => Math.Max(1, Rows / batchSize);

    /// <summary>Whether every batch's condition is a label one-hot alone: exactly one 1 in every row.</summary>
    public bool OneConditionPerRow => _labels is not null && (_categories?.Vector.Width ?? 0) == 0;

    /// <summary>The conditional vector the batches draw, or null when they draw none.</summary>
    public ConditionalVector? Categories => _categories?.Vector;

    public TrainingBatch Draw(int batchSize, Generator random)
    {
        var (rowIndex, conditions, targets, classes) = DrawRows(batchSize, random);
        return new TrainingBatch(_rows.Gather(rowIndex), conditions, targets, classes);
    }

    /// <summary>
    /// Conditions for the generator's step, drawn the same way as for the discriminator's (the same random draws), with
    /// the real rows that go with them when <paramref name="needsRealRows"/>. Null for a GAN without conditions unless
    /// <paramref name="needsRealRows"/>: it has nothing to draw.
    /// </summary>
    public GeneratorBatch? DrawForGenerator(int batchSize, Generator random, bool needsRealRows)
    {
        if (_labels is null && _categories is null && !needsRealRows) return null;
        var (rowIndex, conditions, targets, classes) = DrawRows(batchSize, random);
        return new GeneratorBatch(needsRealRows ? _rows.Gather(rowIndex) : null, conditions, targets, classes);
    }

    /// <summary>Which real rows a batch takes, and the conditions, targets and classes that go with them.</summary>
    private (Tensor RowIndex, Tensor? Conditions, ConditionTargets? Targets, Tensor? Classes) DrawRows(int batchSize, Generator random)
    {
        if (_categories is null)
        {
            var index = TorchRandom.Integers(Rows, new long[] { batchSize }, _rows.Device, random);
            var labels = _labels?.index_select(0, index);
            return (index, labels, null, labels);
        }
        if (TorchRandom.DrawsOnDevice(random)) return DrawRowsOnDevice(batchSize, random);
        var width = _categories.Vector.Width;
        if (_vector.Length != batchSize * width) _vector = new float[batchSize * width];
        else Array.Clear(_vector);
        var vector = _vector;
        var (realRows, columns, slots) = _categories.Draw(batchSize, vector, TorchRandom.DerivedRandom(random));
        var rowIndex = tensor(realRows.Select(r => (long)r).ToArray()).to(_rows.Device);
        var classes = _labels?.index_select(0, rowIndex);
        var conditions = classes;
        if (width > 0)
        {
            var conditionVector = SharedTensor.Copy(vector, batchSize, width, _rows.Device);
            conditions = conditions is null ? conditionVector : cat(new[] { conditions, conditionVector }, 1);
        }
        return (rowIndex, conditions, new HostConditionTargets(columns, slots), classes);
    }

    private (Tensor RowIndex, Tensor? Conditions, ConditionTargets? Targets, Tensor? Classes) DrawRowsOnDevice(int batchSize, Generator random)
    {
        _deviceCategories ??= _categories!.OnDevice(_rows.Device);
        var (rowIndex, vector, columns, slots) = _deviceCategories.Draw(batchSize, random);
        var classes = _labels?.index_select(0, rowIndex);
        var conditions = vector is null ? classes : classes is null ? vector : cat(new[] { classes, vector }, 1);
        return (rowIndex, conditions, new DeviceConditionTargets(columns, slots), classes);
    }

    public void Dispose()
    {
        _rows.Dispose();
        _labels?.Dispose();
        _deviceCategories?.Dispose();
    }
}
