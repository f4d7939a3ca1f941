using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Constraints;

/// <summary>
/// The training data as the model learns it under constraints: the same schema, with each inequality's high column
/// holding high − low and each Single/Double range column the logit of its place in the range (<see cref="Reparameterisation"/>).
/// Every other column passes through unchanged.
/// </summary>
internal sealed class ReparameterisedView : IDataView
{
    private readonly IDataView _input;
    private readonly Dictionary<int, Rebuilt> _rebuilt = new();

    /// <summary>A rebuilt column: the source columns it is computed from and how.</summary>
    private sealed record Rebuilt(int[] Sources, Func<double[], double> Compute);

    public ReparameterisedView(IDataView input, IReadOnlyList<GanConstraint> constraints)
    {
        _input = input;
        var schema = input.Schema;
        foreach (var c in constraints)
        {
            if (c.Kind == GanConstraintKind.Inequality)
                _rebuilt[schema[c.ColumnNames[1]].Index] = new(new[] { schema[c.ColumnNames[0]].Index, schema[c.ColumnNames[1]].Index }, v => Reparameterisation.Difference(v[0], v[1]));
            else if (c.Kind == GanConstraintKind.ScalarRange && !ConstraintColumns.IsInteger(schema[c.ColumnNames[0]].Type))
                _rebuilt[schema[c.ColumnNames[0]].Index] = new(new[] { schema[c.ColumnNames[0]].Index }, v => Reparameterisation.Logit(v[0], c.Low, c.High));
        }
    }

    public bool CanShuffle => _input.CanShuffle;

    public DataViewSchema Schema => _input.Schema;

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        return new Cursor(this, _input.GetRowCursor(WithSources(needed), rand));
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        _input.GetRowCursorSet(WithSources(columnsNeeded.ToArray()), n, rand).Select(c => (DataViewRowCursor)new Cursor(this, c)).ToArray();

    private IEnumerable<DataViewSchema.Column> WithSources(DataViewSchema.Column[] needed) =>
        needed.Select(c => c.Index)
            .Concat(needed.Where(c => _rebuilt.ContainsKey(c.Index)).SelectMany(c => _rebuilt[c.Index].Sources))
            .Distinct().Select(i => _input.Schema[i]);

    private sealed class Cursor(ReparameterisedView view, DataViewRowCursor input) : DataViewRowCursor
    {
        public override DataViewSchema Schema => view.Schema;

        public override long Position => input.Position;

        public override long Batch => input.Batch;

        public override bool MoveNext() => input.MoveNext();

        public override bool IsColumnActive(DataViewSchema.Column column) => input.IsColumnActive(column);

        public override ValueGetter<DataViewRowId> GetIdGetter() => input.GetIdGetter();

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!view._rebuilt.TryGetValue(column.Index, out var rebuilt)) return input.GetGetter<TValue>(column);
            var readers = rebuilt.Sources.Select(i => NumberValues.Reader(input, input.Schema[i])).ToArray();
            var values = new double[readers.Length];
            return NumberValues.Getter<TValue>(() =>
            {
                for (var i = 0; i < readers.Length; i++) values[i] = readers[i]();
                return rebuilt.Compute(values);
            });
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) input.Dispose();
            base.Dispose(disposing);
        }
    }
}
