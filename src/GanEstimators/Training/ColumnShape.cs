using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Training;

/// <summary>
/// A column as the column rules see it. Fit has the data's <see cref="DataViewSchema"/> and
/// <c>GetOutputSchema</c> only a <see cref="SchemaShape"/>; both are reduced to this, so one set of rules serves both.
/// A key column's item type is whatever its source says; the rules look at its raw type only.
/// </summary>
internal readonly record struct ColumnShape(string Name, SchemaShape.Column.VectorKind Kind, DataViewType ItemType, bool IsKey, string TypeText)
{
    /// <summary>A known-size vector of Single: the only column the DCGAN image networks take.</summary>
    public bool IsSingleVector => Kind == SchemaShape.Column.VectorKind.Vector && ItemType == NumberDataViewType.Single;

    public static ColumnShape Of(DataViewSchema.Column column)
    {
        var type = column.Type;
        var (kind, item) = type is VectorDataViewType vector
            ? (vector.IsKnownSize ? SchemaShape.Column.VectorKind.Vector : SchemaShape.Column.VectorKind.VariableVector, vector.ItemType)
            : (SchemaShape.Column.VectorKind.Scalar, type);
        return new(column.Name, kind, item, item is KeyDataViewType, type.ToString() ?? "");
    }

    public static ColumnShape Of(SchemaShape.Column column) =>
        new(column.Name, column.Kind, column.ItemType, column.IsKey, column.GetTypeString());
}
