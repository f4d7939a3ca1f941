using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Sampling;

/// <summary>
/// A cursor whose rows come from a succession of other rows (chunks generated one after another): one
/// <see cref="ColumnForwarder"/> per requested column, rebound to each new source. Subclasses move through the sources
/// and keep <see cref="Position"/>.
/// </summary>
internal abstract class ForwardingRowCursor : DataViewRowCursor
{
    private readonly ColumnForwarder?[] _forwarders;

    protected ForwardingRowCursor(DataViewSchema schema, IEnumerable<DataViewSchema.Column> columnsNeeded, string viewName)
    {
        Schema = schema;
        _forwarders = new ColumnForwarder?[schema.Count];
        foreach (var column in columnsNeeded ?? throw new ArgumentNullException(nameof(columnsNeeded)))
        {
            if (column.Index >= schema.Count || schema[column.Index].Name != column.Name)
                throw new ArgumentException($"Column '{column.Name}' is not a column of the {viewName}.", nameof(columnsNeeded));
            _forwarders[column.Index] ??= ColumnForwarder.For(column.Type);
        }
        Active = Enumerable.Range(0, _forwarders.Length).Where(i => _forwarders[i] is not null).ToArray();
    }

    public sealed override DataViewSchema Schema { get; }

    public sealed override long Position => RowPosition;

    public sealed override long Batch => 0;

    /// <summary>The current row's index; −1 before the first.</summary>
    protected long RowPosition { get; set; } = -1;

    /// <summary>Indices of the requested columns, ascending.</summary>
    protected IReadOnlyList<int> Active { get; }

    public sealed override bool IsColumnActive(DataViewSchema.Column column) => _forwarders[column.Index] is not null;

    public sealed override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        var forwarder = _forwarders[column.Index]
            ?? throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was created.");
        return forwarder is ColumnForwarder<TValue> typed
            ? typed.Get
            : throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type.RawType.Name} values, not {typeof(TValue).Name}.");
    }

    public sealed override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId id) => id = new DataViewRowId((ulong)RowPosition, 0);

    /// <summary>Makes column <paramref name="index"/> read <paramref name="sourceColumn"/> of <paramref name="source"/>.</summary>
    protected void Bind(int index, DataViewRow source, DataViewSchema.Column sourceColumn) => _forwarders[index]!.Bind(source, sourceColumn);

    protected void Unbind()
    {
        foreach (var i in Active) _forwarders[i]!.Unbind();
    }
}
