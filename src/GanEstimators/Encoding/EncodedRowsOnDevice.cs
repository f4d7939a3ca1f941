using static TorchSharp.torch;

namespace GanEstimators.Encoding;

/// <summary>Encoded rows on a device, from which a batch of rows is gathered by row number; dense or as non-zero entries (<see cref="CompactEncodedRows"/>).</summary>
internal sealed class EncodedRowsOnDevice : IDisposable
{
    private readonly Tensor? _dense;
    private readonly Tensor? _positions, _values;
    private readonly int _width;

    private EncodedRowsOnDevice(Tensor? dense, Tensor? positions, Tensor? values, int width)
    {
        _dense = dense;
        _positions = positions;
        _values = values;
        _width = width;
    }

    public static EncodedRowsOnDevice Dense(Tensor rows) => new(rows, null, null, (int)rows.shape[1]);

    public static EncodedRowsOnDevice Compact(Tensor positions, Tensor values, int width) => new(null, positions, values, width);

    public Device Device => (_dense ?? _values!).device;

    /// <summary>The rows at <paramref name="rowIndex"/> (int64, on this device) as a dense (count × width) tensor.</summary>
    public Tensor Gather(Tensor rowIndex)
    {
        if (_dense is not null) return _dense.index_select(0, rowIndex);
        using var values = _values!.index_select(0, rowIndex);
        using var narrow = _positions!.index_select(0, rowIndex);
        using var positions = narrow.to(int64);
        return zeros(new long[] { rowIndex.shape[0], _width }, float32, _values.device).scatter_(1, positions, values);
    }

    public void Dispose()
    {
        _dense?.Dispose();
        _positions?.Dispose();
        _values?.Dispose();
    }
}
