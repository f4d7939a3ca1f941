using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators;

/// <summary>
/// A DataFrame's columns copied into arrays of ML.NET column types (<see cref="DataFrameColumnReader"/> decides which),
/// as a read-only <see cref="IDataView"/>. Copying once keeps reading fast and the view independent of later edits to
/// the DataFrame.
/// </summary>
internal sealed class DataFrameView : IDataView
{
    private readonly ViewColumn[] _columns;
    private readonly long _rows;

    public DataFrameView(IReadOnlyList<ViewColumn> columns, long rows)
    {
        _columns = columns.ToArray();
        _rows = rows;
        var builder = new DataViewSchema.Builder();
        foreach (var column in _columns) builder.AddColumn(column.Name, column.Type);
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this, columnsNeeded);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        new[] { GetRowCursor(columnsNeeded, rand) };

    /// <summary>One column's values, one per row.</summary>
    internal abstract class ViewColumn(string name, DataViewType type)
    {
        public string Name { get; } = name;

        public DataViewType Type { get; } = type;

        public abstract Delegate MakeGetter(Cursor cursor);
    }

    internal sealed class ViewColumn<T>(string name, DataViewType type, T[] values) : ViewColumn(name, type)
    {
        public override Delegate MakeGetter(Cursor cursor) => (ValueGetter<T>)((ref T value) =>
        {
            cursor.EnsureOnRow();
            value = values[cursor.Position];
        });
    }

    internal sealed class Cursor : DataViewRowCursor
    {
        private readonly DataFrameView _parent;
        private readonly bool[] _active;
        private long _position = -1;

        public Cursor(DataFrameView parent, IEnumerable<DataViewSchema.Column> columnsNeeded)
        {
            _parent = parent;
            _active = new bool[parent._columns.Length];
            foreach (var column in columnsNeeded) _active[column.Index] = true;
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _parent.Schema;

        public override bool MoveNext()
        {
            if (_position >= _parent._rows) return false;
            _position++;
            return _position < _parent._rows;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_active[column.Index])
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was made.");
            return _parent._columns[column.Index].MakeGetter(this) as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' is of type {column.Type}, not {typeof(TValue).Name}.");
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) =>
        {
            EnsureOnRow();
            id = new DataViewRowId((ulong)_position, 0);
        };

        internal void EnsureOnRow()
        {
            if (_position < 0 || _position >= _parent._rows) throw new InvalidOperationException("The cursor is not on a row: call MoveNext first.");
        }
    }
}
