using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>The non-zero entries of a (mostly one-hot) condition matrix: their rows, columns and values (as a column).</summary>
internal sealed class ActiveConditions : IDisposable
{
    private ActiveConditions(Tensor rows, Tensor columns, Tensor values) => (Rows, Columns, Values) = (rows, columns, values);

    public Tensor Rows { get; }

    public Tensor Columns { get; }

    public Tensor Values { get; }

    public static ActiveConditions Of(Tensor conditions)
    {
        using var nonZero = conditions.nonzero();
        var rows = nonZero.select(1, 0);
        var columns = nonZero.select(1, 1);
        var values = conditions.index(new TensorIndex[] { TensorIndex.Tensor(rows), TensorIndex.Tensor(columns) }).unsqueeze(1);
        return new ActiveConditions(rows, columns, values);
    }

    public void Dispose()
    {
        Rows.Dispose();
        Columns.Dispose();
        Values.Dispose();
    }
}
