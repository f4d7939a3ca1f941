using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>A training feature column, resolved against the input schema.</summary>
internal sealed record FeatureColumn(DataViewSchema.Column Column, bool IsCategorical)
{
    public string Name => Column.Name;

    public DataViewType Type => Column.Type;

    public int Width => NumericConversion.WidthOf(Column.Type);
}
