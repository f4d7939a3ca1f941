using Microsoft.ML;
using Microsoft.ML.Data;
using Parquet;

namespace GanEstimators.Parquet;

/// <summary>Walks a <see cref="ParquetDataView"/> row group by row group, holding one row group of the active columns.</summary>
internal sealed class ParquetRowCursor : DataViewRowCursor
{
    private readonly ParquetDataView _view;
    private readonly ColumnBuffer?[] _buffers;
    private readonly Delegate?[] _getters;
    private ParquetReader? _reader;
    private int _file = -1;
    private int _group = -1;
    private int _rowInGroup;
    private long _rowsInGroup;
    private long _position = -1;
    private bool _finished;

    public ParquetRowCursor(ParquetDataView view, IEnumerable<DataViewSchema.Column> columnsNeeded)
    {
        _view = view;
        _buffers = new ColumnBuffer?[view.Columns.Count];
        _getters = new Delegate?[view.Columns.Count];
        foreach (var column in columnsNeeded)
        {
            if (_buffers[column.Index] is not null) continue;
            var buffer = view.Columns[column.Index].NewBuffer();
            _buffers[column.Index] = buffer;
            _getters[column.Index] = buffer.Getter(() => _rowInGroup);
        }
    }

    public override DataViewSchema Schema => _view.Schema;

    public override long Position => _position;

    public override long Batch => 0;

    public override bool IsColumnActive(DataViewSchema.Column column) => _buffers[column.Index] is not null;

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        var getter = _getters[column.Index]
            ?? throw new InvalidOperationException($"Column '{column.Name}' was not asked for when the cursor was made.");
        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}; it cannot be read as {typeof(TValue).Name}.");
    }

    public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

    public override bool MoveNext()
    {
        if (_finished) return false;
        if (_rowInGroup + 1 < _rowsInGroup) _rowInGroup++;
        else if (!NextGroup())
        {
            _finished = true;
            Close();
            return false;
        }
        _position++;
        return true;
    }

    // Moves to the next non-empty row group (opening the next file when this one has no more), loading the active columns.
    private bool NextGroup()
    {
        while (true)
        {
            if (_reader is not null && _group + 1 < _view.GroupRows[_file].Length)
            {
                _group++;
                _rowsInGroup = _view.GroupRows[_file][_group];
                _rowInGroup = 0;
                if (_rowsInGroup == 0) continue;
                try
                {
                    using var group = _reader.OpenRowGroupReader(_group);
                    for (var c = 0; c < _buffers.Length; c++)
                        _buffers[c]?.Load(group, _view.Fields[_file][c], checked((int)_rowsInGroup));
                }
                catch (Exception error) when (error is not (OutOfMemoryException or IOException or UnauthorizedAccessException))
                {
                    throw new InvalidDataException($"Parquet file '{_view.Paths[_file]}', row group {_group}, could not be read: {error.Message}", error);
                }
                return true;
            }
            Close();
            if (_file + 1 >= _view.Paths.Length) return false;
            _file++;
            _group = -1;
            _reader = ParquetFile.Open(_view.Paths[_file]);
        }
    }

    private void Close()
    {
        if (_reader is not null) ParquetFile.Close(_reader);
        _reader = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }
}
