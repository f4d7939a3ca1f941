using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Sampling;

/// <summary>
/// The getters of a cursor whose rows come from a succession of other rows (chunks generated one after another):
/// one <see cref="ColumnForwarder"/> per requested column, rebound to each new source.
/// </summary>
internal sealed class ForwardedColumns
{
    private readonly ColumnForwarder?[] _forwarders;

    public ForwardedColumns(DataViewSchema schema, IEnumerable<DataViewSchema.Column> columnsNeeded, string viewName)
    {
        _forwarders = new ColumnForwarder?[schema.Count];
        foreach (var column in columnsNeeded ?? throw new ArgumentNullException(nameof(columnsNeeded)))
        {
            if (column.Index >= schema.Count || schema[column.Index].Name != column.Name)
                throw new ArgumentException($"Column '{column.Name}' is not a column of the {viewName}.", nameof(columnsNeeded));
            _forwarders[column.Index] ??= ColumnForwarder.For(column.Type);
        }
        Active = Enumerable.Range(0, _forwarders.Length).Where(i => _forwarders[i] is not null).ToArray();
    }

    /// <summary>Indices of the requested columns, ascending.</summary>
    public IReadOnlyList<int> Active { get; }

    public bool IsActive(DataViewSchema.Column column) => _forwarders[column.Index] is not null;

    public ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        var forwarder = _forwarders[column.Index]
            ?? throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was created.");
        return forwarder is ColumnForwarder<TValue> typed
            ? typed.Get
            : throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type.RawType.Name} values, not {typeof(TValue).Name}.");
    }

    /// <summary>Makes column <paramref name="index"/> read <paramref name="sourceColumn"/> of <paramref name="source"/>.</summary>
    public void Bind(int index, DataViewRow source, DataViewSchema.Column sourceColumn) => _forwarders[index]!.Bind(source, sourceColumn);

    public void Unbind()
    {
        foreach (var i in Active) _forwarders[i]!.Unbind();
    }
}
