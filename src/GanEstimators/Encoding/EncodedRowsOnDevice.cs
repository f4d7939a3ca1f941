using static TorchSharp.torch;

namespace GanEstimators.Encoding;

/// <summary>Encoded rows on a device, from which a batch of rows is gathered by row number; dense or compact (<see cref="CompactEncodedRows"/>).</summary>
internal sealed class EncodedRowsOnDevice : IDisposable
{
    private readonly Tensor? _dense;
    private readonly Tensor? _hot, _values, _valuePositions;
    private readonly int _width;

    private EncodedRowsOnDevice(Tensor? dense, Tensor? hot, Tensor? values, Tensor? valuePositions, int width)
    {
        _dense = dense;
        _hot = hot;
        _values = values;
        _valuePositions = valuePositions;
        _width = width;
    }

    public static EncodedRowsOnDevice Dense(Tensor rows) => new(rows, null, null, null, (int)rows.shape[1]);

    /// <summary><paramref name="hot"/>: rows × one-hot spans (int16 positions); <paramref name="values"/>: rows × value positions, at <paramref name="valuePositions"/> (int64).</summary>
    public static EncodedRowsOnDevice Compact(Tensor hot, Tensor values, Tensor valuePositions, int width) => new(null, hot, values, valuePositions, width);

    public Device Device => (_dense ?? _values!).device;

    /// <summary>The rows at <paramref name="rowIndex"/> (int64, on this device) as a dense (count × width) tensor.</summary>
    public Tensor Gather(Tensor rowIndex)
    {
        if (_dense is not null) return _dense.index_select(0, rowIndex);
        var rows = zeros(new long[] { rowIndex.shape[0], _width }, float32, _values!.device);
        using (var narrow = _hot!.index_select(0, rowIndex))
        using (var positions = narrow.to(int64))
        using (var ones = ones_like(positions, float32))
            rows.scatter_(1, positions, ones);
        using (var values = _values.index_select(0, rowIndex))
            rows.index_copy_(1, _valuePositions!, values);
        return rows;
    }

    public void Dispose()
    {
        _dense?.Dispose();
        _hot?.Dispose();
        _values?.Dispose();
        _valuePositions?.Dispose();
    }
}
