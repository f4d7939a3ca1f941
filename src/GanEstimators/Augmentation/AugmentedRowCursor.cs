using GanEstimators.Sampling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Augmentation;

/// <summary>
/// Walks the real data's cursor, then the synthetic chunks one by one, generating a chunk when the cursor enters it
/// (and not at all when no column is active, e.g. when only counting rows).
/// </summary>
internal sealed class AugmentedRowCursor : DataViewRowCursor
{
    private readonly AugmentedDataView _view;
    private readonly ForwardedColumns _columns;
    private readonly IReadOnlyList<int> _active;
    private DataViewRowCursor? _real;
    private DataViewRowCursor? _chunkRows;
    private int _chunk = -1;
    private int _rowInChunk;
    private long _position = -1;
    private bool _finished;

    public AugmentedRowCursor(AugmentedDataView view, IEnumerable<DataViewSchema.Column> columnsNeeded)
    {
        _view = view;
        _columns = new ForwardedColumns(view.Schema, columnsNeeded, "augmented data view");
        _active = _columns.Active;
        _real = view.Real.GetRowCursor(_active.Select(i => view.Layout.RealColumns[i]));
        foreach (var i in _active) _columns.Bind(i, _real, view.Layout.RealColumns[i]);
    }

    public override DataViewSchema Schema => _view.Schema;

    public override long Position => _position;

    public override long Batch => 0;

    public override bool IsColumnActive(DataViewSchema.Column column) => _columns.IsActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _columns.GetGetter<TValue>(column);

    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

    public override bool MoveNext()
    {
        if (_finished) return false;
        if (_real is not null)
        {
            if (_real.MoveNext())
            {
                _position++;
                return true;
            }
            if (_position + 1 != _view.RealRowCount)
                throw new InvalidOperationException($"The real data gave {_position + 1} rows this time; it had {_view.RealRowCount} when it was augmented.");
            _real.Dispose();
            _real = null;
        }
        if (_position + 1 >= _view.RowCount)
        {
            Finish();
            return false;
        }
        if (_chunk < 0 || ++_rowInChunk >= _view.Plan.Chunks[_chunk].RowCount) EnterChunk(_chunk + 1);
        else _chunkRows?.MoveNext();
        _position++;
        return true;
    }

    private void EnterChunk(int index)
    {
        _chunkRows?.Dispose();
        _chunkRows = null;
        _chunk = index;
        _rowInChunk = 0;
        if (_active.Count == 0) return;
        var rows = _view.Generate(_view.Plan.Chunks[index]);
        var columns = _active.Select(i => rows.Schema[_view.Schema[i].Name]).ToArray();
        _chunkRows = rows.GetRowCursor(columns);
        if (!_chunkRows.MoveNext()) throw new InvalidOperationException($"The sampler returned no rows for synthetic chunk {index}.");
        for (var k = 0; k < _active.Count; k++) _columns.Bind(_active[k], _chunkRows, columns[k]);
    }

    private void Finish()
    {
        _finished = true;
        _columns.Unbind();
        _chunkRows?.Dispose();
        _chunkRows = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _real?.Dispose();
            _chunkRows?.Dispose();
            _real = _chunkRows = null;
        }
        base.Dispose(disposing);
    }
}
