using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Evaluation.Augmentation;

/// <summary>
/// Rows of an <see cref="IDataView"/> held in memory, column by column, so that folds, copies, interpolated rows and
/// GAN rows can be put together in any order and shown to an ML.NET estimator as a new data view of the same schema.
/// </summary>
internal sealed class RowTable
{
    private RowTable(DataViewSchema schema, ColumnStore[] columns)
    {
        Schema = schema;
        Columns = columns;
    }

    public DataViewSchema Schema { get; }

    public IReadOnlyList<ColumnStore> Columns { get; }

    public int RowCount => Columns.Count == 0 ? 0 : Columns[0].Count;

    /// <summary>Every row of <paramref name="data"/>'s visible columns, with their types and annotations (key values) kept.</summary>
    public static RowTable Read(IDataView data)
    {
        var visible = data.Schema.Where(c => !c.IsHidden).ToArray();
        var builder = new DataViewSchema.Builder();
        foreach (var column in visible) builder.AddColumn(column.Name, column.Type, column.Annotations);
        var schema = builder.ToSchema();
        var table = new RowTable(schema, schema.Select(ColumnStore.For).ToArray());
        table.Append(data);
        return table;
    }

    /// <summary>An empty table of the same schema.</summary>
    public RowTable EmptyLike() => new(Schema, Columns.Select(c => c.EmptyLike()).ToArray());

    public ColumnStore Column(string name) => Columns[Schema[name].Index];

    /// <summary>
    /// Appends every row of <paramref name="data"/>: its columns of this table's names; the others copied from row
    /// <paramref name="donorRow"/>() of <paramref name="donors"/> (drawn once per appended row) when given, else missing values.
    /// </summary>
    public void Append(IDataView data, RowTable? donors = null, Func<int>? donorRow = null)
    {
        var sources = Columns.Select(c => data.Schema.GetColumnOrNull(c.Column.Name) is { IsHidden: false } source ? source : (DataViewSchema.Column?)null).ToArray();
        for (var i = 0; i < sources.Length; i++)
            if (sources[i] is { } source && source.Type.RawType != Columns[i].Column.Type.RawType)
                throw new InvalidOperationException($"Column '{source.Name}' is {source.Type} in the rows to add but {Columns[i].Column.Type} in the table.");
        using var cursor = data.GetRowCursor(sources.Where(s => s is not null).Select(s => s!.Value));
        var fromDonor = donors is not null && donorRow is not null && sources.Any(s => s is null);
        var donor = 0;
        var appenders = Columns.Select((c, i) => sources[i] is { } source ? c.Reader(cursor, source)
            : fromDonor ? () => c.AppendCopy(donors!.Columns[i], donor) : c.AppendMissing).ToArray();
        while (cursor.MoveNext())
        {
            if (fromDonor) donor = donorRow!();
            foreach (var append in appenders) append();
        }
    }

    /// <summary>Appends a copy of row <paramref name="row"/> of <paramref name="from"/> (a table of the same schema).</summary>
    public void AppendCopy(RowTable from, int row)
    {
        for (var i = 0; i < Columns.Count; i++) Columns[i].AppendCopy(from.Columns[i], row);
    }

    /// <summary>This table's columns (shared, not copied: append nothing to either afterwards) and one more Single column.</summary>
    public RowTable WithSingleColumn(string name, IReadOnlyList<float> values)
    {
        if (values.Count != RowCount) throw new ArgumentException($"{values.Count} values for {RowCount} rows.", nameof(values));
        var builder = new DataViewSchema.Builder();
        foreach (var column in Schema) builder.AddColumn(column.Name, column.Type, column.Annotations);
        builder.AddColumn(name, NumberDataViewType.Single);
        var schema = builder.ToSchema();
        var added = ColumnStore.For(schema[schema.Count - 1]);
        foreach (var value in values) added.AppendNumber(value);
        return new RowTable(schema, Columns.Append(added).ToArray());
    }

    /// <summary>The rows at <paramref name="rows"/> (repeats allowed), in that order, as a data view.</summary>
    public IDataView View(IReadOnlyList<int> rows) => new RowTableView(this, rows);

    /// <summary>Every row, in order, as a data view.</summary>
    public IDataView View() => View(Enumerable.Range(0, RowCount).ToArray());
}
