using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Training;

/// <summary>What the generator must honour in a batch: for each row, the categorical column and slot its conditional vector set.</summary>
internal sealed record ConditionTargets(int[] Columns, int[] Slots);

/// <summary>A batch of real rows with the conditions that go with them (label one-hot, then the categorical conditional vector).</summary>
internal sealed record TrainingBatch(Tensor Real, Tensor? Conditions, ConditionTargets? Targets);

/// <summary>
/// The encoded training rows on the device, drawn in random batches (with replacement, as CTGAN does). With
/// categorical columns, rows are drawn by training-by-sampling (<see cref="CategoryConditions"/>).
/// </summary>
internal sealed class TrainingBatches : IDisposable
{
    private readonly Tensor _rows;
    private readonly Tensor? _labels;
    private readonly CategoryConditions? _categories;

    public TrainingBatches(float[] encoded, int rows, int width, int[]? classIndices, int classCount, CategoryConditions? categories, Device device)
    {
        Rows = rows;
        _rows = tensor(encoded, new long[] { rows, width }).to(device);
        if (classIndices is not null)
        {
            using var indices = tensor(classIndices.Select(i => (long)i).ToArray());
            _labels = F.one_hot(indices, classCount).to(float32).to(device);
        }
        _categories = categories is { ColumnCount: > 0 } ? categories : null;
    }

    public int Rows { get; }

    public CategoryConditions? Categories => _categories;

    public TrainingBatch Draw(int batchSize, Generator random)
    {
        var (rowIndex, conditions, targets) = DrawRows(batchSize, random);
        return new TrainingBatch(_rows.index_select(0, rowIndex), conditions, targets);
    }

    /// <summary>Conditions for the generator's step, drawn the same way as for the discriminator's (without gathering the real rows).</summary>
    public (Tensor? Conditions, ConditionTargets? Targets) DrawConditions(int batchSize, Generator random)
    {
        if (_labels is null && _categories is null) return (null, null);
        var (_, conditions, targets) = DrawRows(batchSize, random);
        return (conditions, targets);
    }

    /// <summary>Which real rows a batch takes, and the conditions and targets that go with them.</summary>
    private (Tensor RowIndex, Tensor? Conditions, ConditionTargets? Targets) DrawRows(int batchSize, Generator random)
    {
        if (_categories is null)
        {
            var index = TorchRandom.Integers(Rows, new long[] { batchSize }, _rows.device, random);
            return (index, _labels?.index_select(0, index), null);
        }
        var vector = new float[batchSize * _categories.Width];
        var (realRows, columns, slots) = _categories.DrawForTraining(batchSize, vector, TorchRandom.DerivedRandom(random));
        var rowIndex = tensor(realRows.Select(r => (long)r).ToArray()).to(_rows.device);
        var conditions = _labels?.index_select(0, rowIndex);
        if (_categories.Width > 0)
        {
            var conditionVector = tensor(vector, new long[] { batchSize, _categories.Width }).to(_rows.device);
            conditions = conditions is null ? conditionVector : cat(new[] { conditions, conditionVector }, 1);
        }
        return (rowIndex, conditions, new ConditionTargets(columns, slots));
    }

    public void Dispose()
    {
        _rows.Dispose();
        _labels?.Dispose();
    }
}
