using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Training;

/// <summary>The encoded training rows on the device, drawn in random batches (with replacement, as CTGAN does).</summary>
internal sealed class TrainingBatches : IDisposable
{
    private readonly Tensor _rows;
    private readonly Tensor? _conditions;

    public TrainingBatches(float[] encoded, int rows, int width, int[]? conditionIndices, int conditionCount, Device device)
    {
        Rows = rows;
        _rows = tensor(encoded, new long[] { rows, width }).to(device);
        if (conditionIndices is not null)
        {
            using var indices = tensor(conditionIndices.Select(i => (long)i).ToArray());
            _conditions = F.one_hot(indices, conditionCount).to(float32).to(device);
        }
    }

    public int Rows { get; }

    /// <summary>A batch of real rows and their one-hot conditions (null for an unconditional GAN).</summary>
    public (Tensor Real, Tensor? Conditions) Draw(int batchSize, Generator random)
    {
        var index = randint(Rows, new long[] { batchSize }, device: _rows.device, generator: random);
        return (_rows.index_select(0, index), _conditions?.index_select(0, index));
    }

    /// <summary>Conditions drawn with the training rows' class frequencies, for the generator's step.</summary>
    public Tensor? DrawConditions(int batchSize, Generator random)
    {
        if (_conditions is null) return null;
        var index = randint(Rows, new long[] { batchSize }, device: _rows.device, generator: random);
        return _conditions.index_select(0, index);
    }

    public void Dispose()
    {
        _rows.Dispose();
        _conditions?.Dispose();
    }
}
