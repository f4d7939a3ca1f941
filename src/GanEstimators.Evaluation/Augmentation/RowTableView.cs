using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Evaluation.Augmentation;

/// <summary>Chosen rows of a <see cref="RowTable"/>, in a fixed order, as a data view (one cursor, no shuffling).</summary>
internal sealed class RowTableView : IDataView
{
    private readonly RowTable _table;
    private readonly IReadOnlyList<int> _rows;

    public RowTableView(RowTable table, IReadOnlyList<int> rows)
    {
        _table = table;
        _rows = rows;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema => _table.Schema;

    public long? GetRowCount() => _rows.Count;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        new[] { GetRowCursor(columnsNeeded, rand) };

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly RowTableView _view;
        private long _position = -1;

        public Cursor(RowTableView view) => _view = view;

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (_position + 1 >= _view._rows.Count)
            {
                _position = _view._rows.Count;
                return false;
            }
            _position++;
            return true;
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var store = _view._table.Columns[column.Index];
            if (typeof(TValue) != store.Column.Type.RawType)
                throw new InvalidOperationException($"Column '{column.Name}' holds {store.Column.Type.RawType.Name}, not {typeof(TValue).Name}.");
            return (ValueGetter<TValue>)store.Getter(() => _view._rows[checked((int)_position)]);
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => column.Index < _view.Schema.Count;
    }
}
