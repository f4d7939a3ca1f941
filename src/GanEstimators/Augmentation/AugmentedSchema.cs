using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Augmentation;

/// <summary>
/// The augmented view's columns: the real data's columns that the sampler generates (its features and condition
/// column), in the real data's order, types and annotations. Other real columns are dropped, since synthetic rows
/// would have no value for them.
/// </summary>
internal sealed class AugmentedSchema
{
    private AugmentedSchema(DataViewSchema schema, DataViewSchema.Column[] realColumns)
    {
        Schema = schema;
        RealColumns = realColumns;
    }

    public DataViewSchema Schema { get; }

    /// <summary>For each output column, the real data column it reads real rows from.</summary>
    public IReadOnlyList<DataViewSchema.Column> RealColumns { get; }

    public static AugmentedSchema Build(DataViewSchema real, GanSampler sampler)
    {
        var generated = GeneratedColumns(sampler);
        foreach (var (name, type) in generated)
        {
            var column = real.GetColumnOrNull(name)
                ?? throw new ArgumentException($"The sampler generates column '{name}' ({type}), but the data has no such column; augment the data the GAN was trained on.", "data");
            if (!column.Type.Equals(type))
                throw new ArgumentException($"Column '{name}' is {column.Type} in the data but the sampler generates {type}; load it as it was loaded for training.", "data");
        }

        var realColumns = real.Where(c => !c.IsHidden && generated.ContainsKey(c.Name)).ToArray();
        var builder = new DataViewSchema.Builder();
        foreach (var column in realColumns) builder.AddColumn(column.Name, column.Type, column.Annotations);
        return new AugmentedSchema(builder.ToSchema(), realColumns);
    }

    private static Dictionary<string, DataViewType> GeneratedColumns(GanSampler sampler)
    {
        var generator = sampler.Generator;
        var columns = generator.Features.Columns.ToDictionary(c => c.Name, c => c.Type);
        if (generator.Condition is { } condition) columns.TryAdd(condition.ColumnName, condition.Type);
        return columns;
    }
}
