using GanEstimators.Sampling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Augmentation;

/// <summary>
/// Walks the real data's cursor, then the synthetic chunks one by one, generating a chunk when the cursor enters it
/// (and not at all when no column is active, e.g. when only counting rows).
/// </summary>
internal sealed class AugmentedRowCursor : ForwardingRowCursor
{
    private readonly AugmentedDataView _view;
    private DataViewRowCursor? _real;
    private DataViewRowCursor? _chunkRows;
    private int _chunk = -1;
    private int _rowInChunk;
    private bool _finished;

    public AugmentedRowCursor(AugmentedDataView view, IEnumerable<DataViewSchema.Column> columnsNeeded)
        : base(view.Schema, columnsNeeded, "augmented data view")
    {
        _view = view;
        _real = view.Real.GetRowCursor(Active.Select(i => view.Layout.RealColumns[i]));
        foreach (var i in Active) Bind(i, _real, view.Layout.RealColumns[i]);
    }

    public override bool MoveNext()
    {
        if (_finished) return false;
        if (_real is not null)
        {
            if (_real.MoveNext())
            {
                RowPosition++;
                return true;
            }
            if (RowPosition + 1 != _view.RealRowCount)
                throw new InvalidOperationException($"The real data gave {RowPosition + 1} rows this time; it had {_view.RealRowCount} when it was augmented.");
            _real.Dispose();
            _real = null;
        }
        if (RowPosition + 1 >= _view.RowCount)
        {
            Finish();
            return false;
        }
        if (_chunk < 0 || ++_rowInChunk >= _view.Plan.Chunks[_chunk].RowCount) EnterChunk(_chunk + 1);
        else _chunkRows?.MoveNext();
        RowPosition++;
        return true;
    }

    private void EnterChunk(int index)
    {
        _chunkRows?.Dispose();
        _chunkRows = null;
        _chunk = index;
        _rowInChunk = 0;
        if (Active.Count == 0) return;
        var rows = _view.Generate(_view.Plan.Chunks[index]);
        var columns = Active.Select(i => rows.Schema[_view.Schema[i].Name]).ToArray();
        _chunkRows = rows.GetRowCursor(columns);
        if (!_chunkRows.MoveNext()) throw new InvalidOperationException($"The sampler returned no rows for synthetic chunk {index}.");
        for (var k = 0; k < Active.Count; k++) Bind(Active[k], _chunkRows, columns[k]);
    }

    private void Finish()
    {
        _finished = true;
        Unbind();
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
