using Microsoft.ML;
using Microsoft.ML.Runtime;
using Microsoft.ML.Data;

namespace GanEstimators.Sampling;

/// <summary>Packs generated rows (one chunk of a sample) into an in-memory <see cref="IDataView"/> with the training schema (vector dimensions included).</summary>
internal static class ChunkDataView
{
    public static IDataView Build(IHostEnvironment environment, SyntheticRowGenerator generator, float[] rows, int count, int[]? classIndices)
    {
        var builder = new ArrayDataViewBuilder(environment);
        var features = generator.Features;
        for (var c = 0; c < features.Columns.Count; c++)
        {
            var column = features.Columns[c];
            column.AddColumn(builder, rows, count, features.RawOffsetOf(c), features.RawWidth);
        }
        if (generator.Condition is { } condition && classIndices is not null && features.Columns.All(c => c.Name != condition.ColumnName))
            condition.AddColumn(builder, classIndices);
        var view = builder.GetDataView();
        var retyped = features.Columns.Where(c => !view.Schema[c.Name].Type.Equals(c.Type)).ToDictionary(c => c.Name, c => c.Type);
        return retyped.Count == 0 ? view : new RetypedDataView(view, retyped);
    }
}
