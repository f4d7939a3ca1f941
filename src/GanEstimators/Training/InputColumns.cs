using Microsoft.ML;

namespace GanEstimators.Training;

/// <summary>
/// The columns of a training input, looked up by name for the column rules: from the data's schema in Fit, from a
/// <see cref="SchemaShape"/> in <c>GetOutputSchema</c>. Errors name the argument the columns came from.
/// </summary>
internal sealed class InputColumns
{
    private readonly Func<string, ColumnShape?> _find;
    private readonly IReadOnlyList<string> _names;
    private readonly string _description;

    private InputColumns(Func<string, ColumnShape?> find, IReadOnlyList<string> names, string description, string parameterName)
    {
        _find = find;
        _names = names;
        _description = description;
        ParameterName = parameterName;
    }

    /// <summary>The name of the argument these columns came from, for <see cref="ArgumentException.ParamName"/>.</summary>
    public string ParameterName { get; }

    public static InputColumns Of(DataViewSchema schema) => new(
        name => schema.GetColumnOrNull(name) is { } column ? ColumnShape.Of(column) : null,
        schema.Where(c => !c.IsHidden).Select(c => c.Name).ToArray(), "input data", "data");

    public static InputColumns Of(SchemaShape shape) => new(
        name => shape.TryFindColumn(name, out var column) ? ColumnShape.Of(column) : null,
        shape.Select(c => c.Name).ToArray(), "input schema", "inputSchema");

    /// <summary>The column called <paramref name="name"/>; <paramref name="role"/> ("Feature", "Condition") names it in the error.</summary>
    public ColumnShape Find(string name, string role) =>
        _find(name) ?? throw new ArgumentException(
            $"{role} column '{name}' was not found in the {_description}. Available columns: {string.Join(", ", _names.Select(n => $"'{n}'"))}.",
            ParameterName);
}
