using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Sampling;

/// <summary>
/// Walks a <see cref="SampleDataView"/>, generating the next <see cref="RowsPerChunk"/> rows when it enters them (and
/// nothing when no column is active, e.g. when only counting rows). One chunk is held at a time.
/// </summary>
internal sealed class SampleRowCursor : ForwardingRowCursor
{
    // A whole number of the generator's own chunks, so the random streams are consumed as one call would; larger than
    // one of them because building a chunk's view costs about as much as reading it when chunks are small.
    private const int RowsPerChunk = 8 * SyntheticRowGenerator.ChunkRows;

    private readonly SampleDataView _view;
    private ISyntheticRowStream? _stream;
    private DataViewRowCursor? _chunkRows;
    private int _rowsLeftInChunk;
    private bool _finished;

    public SampleRowCursor(SampleDataView view, IEnumerable<DataViewSchema.Column> columnsNeeded)
        : base(view.Schema, columnsNeeded, "sample")
    {
        _view = view;
        if (Active.Count > 0) _stream = view.OpenStream();
    }

    public override bool MoveNext()
    {
        if (_finished) return false;
        if (RowPosition + 1 >= _view.Count)
        {
            Finish();
            return false;
        }
        RowPosition++;
        if (_stream is null) return true;
        if (_rowsLeftInChunk > 0)
        {
            _rowsLeftInChunk--;
            _chunkRows!.MoveNext();
        }
        else EnterChunk();
        return true;
    }

    private void EnterChunk()
    {
        _chunkRows?.Dispose();
        _chunkRows = null;
        var count = (int)Math.Min(RowsPerChunk, _view.Count - RowPosition);
        var (rows, classes) = _stream!.Next(count);
        var chunk = _view.Chunk(rows, count, classes);
        _chunkRows = chunk.GetRowCursor(Active.Select(i => chunk.Schema[i]));
        if (!_chunkRows.MoveNext()) throw new InvalidOperationException($"A generated chunk of {count} rows had none.");
        foreach (var i in Active) Bind(i, _chunkRows, chunk.Schema[i]);
        _rowsLeftInChunk = count - 1;
    }

    private void Finish()
    {
        _finished = true;
        Unbind();
        Release();
    }

    private void Release()
    {
        _chunkRows?.Dispose();
        _chunkRows = null;
        _stream?.Dispose();
        _stream = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Release();
        base.Dispose(disposing);
    }
}
