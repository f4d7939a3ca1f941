using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>A training feature column, resolved against the input schema, with the conversion that reads it.</summary>
internal sealed record FeatureColumn(DataViewSchema.Column Column, NumericConversion Conversion)
{
    public string Name => Column.Name;

    public DataViewType Type => Column.Type;

    public int Width => NumericConversion.WidthOf(Column.Type);
}
