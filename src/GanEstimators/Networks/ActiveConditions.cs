using GanEstimators.Native;
using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// The non-zero entries of a (mostly one-hot) condition matrix: their rows, columns and values (as a column; null when
/// every entry is 1). Entries are in row-major order with ascending columns within a row — the order
/// <c>nonzero()</c> gives — so layers add them up in the same order however they were found.
/// </summary>
internal sealed class ActiveConditions : IDisposable
{
    private Tensor? _rows;

    private ActiveConditions(Tensor? rows, Tensor columns, Tensor? values, bool onePerRow = false) =>
        (_rows, Columns, Values, OnePerRow) = (rows, columns, values, onePerRow);

    /// <summary>
    /// The entries' rows. With one entry per row they are 0, 1, … and made only when asked for: the layers add such
    /// entries row for row and never read them.
    /// </summary>
    public Tensor Rows => _rows ??= RootedFunctions.Arange(Columns.shape[0], Columns.device);

    public Tensor Columns { get; }

    public Tensor? Values { get; }

    /// <summary>Whether entry i is row i's one entry (a plain label one-hot): layers then add entries row for row.</summary>
    public bool OnePerRow { get; }

    public static ActiveConditions Of(Tensor conditions)
    {
        var (rows, columns) = NonZero(conditions);
        var values = conditions.index(new TensorIndex[] { TensorIndex.Tensor(rows), TensorIndex.Tensor(columns) }).unsqueeze(1);
        return new ActiveConditions(rows, columns, values);
    }

    /// <summary>
    /// The entries of a matrix known to hold only zeros and ones, as training's conditions do (label one-hots, CTGAN's
    /// conditional vector, PacGAN packs of them): no values are kept, so layers skip multiplying by 1. With
    /// <paramref name="onePerRow"/> (exactly one 1 in every row) the entries are found without <c>nonzero</c>.
    /// </summary>
    public static ActiveConditions OfOnes(Tensor conditions, bool onePerRow)
    {
        if (onePerRow)
            return new ActiveConditions(null, conditions.argmax(1), null, onePerRow: true);
        var (rows, columns) = NonZero(conditions);
        return new ActiveConditions(rows, columns, null);
    }

    /// <summary>The rows and columns of the matrix's non-zero entries, in <c>nonzero()</c>'s row-major order.</summary>
    private static (Tensor Rows, Tensor Columns) NonZero(Tensor conditions)
    {
        using var nonZero = conditions.nonzero();
        return (nonZero.select(1, 0), nonZero.select(1, 1));
    }

    /// <summary>
    /// One-hot entries given directly (in the order described above), as sampling draws them: no dense matrix is built
    /// and scanned.
    /// </summary>
    public static ActiveConditions OfOnes(long[] rows, long[] columns, Device device) =>
        new(tensor(rows).to(device), tensor(columns).to(device), null);

    /// <summary>The dense (rows × <paramref name="width"/>) matrix, for networks that take their condition whole.</summary>
    public Tensor ToDense(long rowCount, long width)
    {
        var dense = zeros(new[] { rowCount, width }, device: Rows.device);
        if (Values is not null) return dense.index_put_(Values.squeeze(1), Rows, Columns);
        using var one = tensor(1f, device: Rows.device);
        return dense.index_put_(one, Rows, Columns);
    }

    public void Dispose()
    {
        _rows?.Dispose();
        Columns.Dispose();
        Values?.Dispose();
    }
}
