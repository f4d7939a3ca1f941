using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Sampling;

/// <summary>
/// A data view that passes another's rows through unchanged but declares some columns with a different type of the
/// same raw type — the training vector type with its dimensions (an image's C×H×W), where ML.NET's in-memory builder
/// only knows flat vectors.
/// </summary>
internal sealed class RetypedDataView : IDataView
{
    private readonly IDataView _source;

    public RetypedDataView(IDataView source, IReadOnlyDictionary<string, DataViewType> types)
    {
        _source = source;
        var builder = new DataViewSchema.Builder();
        foreach (var column in source.Schema)
        {
            var type = types.GetValueOrDefault(column.Name, column.Type);
            if (type.RawType != column.Type.RawType)
                throw new ArgumentException($"Column '{column.Name}' cannot be declared {type}: its values are {column.Type}.", nameof(types));
            builder.AddColumn(column.Name, type, column.Annotations);
        }
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => _source.CanShuffle;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _source.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(Schema, _source.GetRowCursor(SourceColumns(columnsNeeded), rand));

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        _source.GetRowCursorSet(SourceColumns(columnsNeeded), n, rand).Select(c => (DataViewRowCursor)new Cursor(Schema, c)).ToArray();

    private IEnumerable<DataViewSchema.Column> SourceColumns(IEnumerable<DataViewSchema.Column> columns) =>
        columns.Select(c => _source.Schema[c.Index]).ToArray();

    private sealed class Cursor(DataViewSchema schema, DataViewRowCursor source) : DataViewRowCursor
    {
        public override DataViewSchema Schema => schema;

        public override long Position => source.Position;

        public override long Batch => source.Batch;

        public override ValueGetter<DataViewRowId> GetIdGetter() => source.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) => source.IsColumnActive(source.Schema[column.Index]);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => source.GetGetter<TValue>(source.Schema[column.Index]);

        public override bool MoveNext() => source.MoveNext();

        protected override void Dispose(bool disposing)
        {
            if (disposing) source.Dispose();
            base.Dispose(disposing);
        }
    }
}
