using GanEstimators.Encoding;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Constraints;

/// <summary>
/// Checks <see cref="GanTrainer.Options.Constraints"/> against the training schema and options — every column known,
/// of the right kind, and no column rebuilt by two rules — and puts them in the order decoding applies them: ranges,
/// then inequalities with each low column rebuilt before the high column that adds to it, then fixed combinations,
/// then unique columns.
/// </summary>
internal static class ConstraintColumns
{
    public static GanConstraint[] Check(DataViewSchema schema, GanTrainer.Options options)
    {
        var constraints = options.Constraints;
        if (constraints.Length == 0) return constraints;
        var roles = new Dictionary<string, GanConstraint>();
        foreach (var constraint in constraints)
        {
            foreach (var name in constraint.ColumnNames) CheckColumn(schema, options, constraint, name);
            foreach (var name in RebuiltColumns(constraint))
            {
                if (roles.TryGetValue(name, out var earlier))
                    throw new ArgumentException($"Constraint '{constraint}': column '{name}' is already governed by constraint '{earlier}'; a column can be rebuilt by one rule only (the high column of one inequality, one range, one fixed combination or one unique rule).", nameof(options));
                roles[name] = constraint;
            }
        }
        foreach (var unique in constraints.Where(c => c.Kind == GanConstraintKind.Unique))
            if (constraints.FirstOrDefault(c => c != unique && c.ColumnNames.Contains(unique.ColumnNames[0])) is { } other)
                throw new ArgumentException($"Constraint '{unique}': column '{unique.ColumnNames[0]}' is renumbered, so it cannot also appear in constraint '{other}'.", nameof(options));
        return constraints.Where(c => c.Kind == GanConstraintKind.ScalarRange)
            .Concat(InequalitiesInOrder(constraints.Where(c => c.Kind == GanConstraintKind.Inequality).ToList()))
            .Concat(constraints.Where(c => c.Kind == GanConstraintKind.FixedCombinations))
            .Concat(constraints.Where(c => c.Kind == GanConstraintKind.Unique)).ToArray();
    }

    /// <summary>Whether a numeric column's values are whole numbers (decoding keeps rebuilt values whole).</summary>
    public static bool IsInteger(DataViewType type) => type.RawType != typeof(float) && type.RawType != typeof(double);

    private static IEnumerable<string> RebuiltColumns(GanConstraint constraint) => constraint.Kind switch
    {
        GanConstraintKind.Inequality => new[] { constraint.ColumnNames[1] },
        _ => constraint.ColumnNames,
    };

    private static void CheckColumn(DataViewSchema schema, GanTrainer.Options options, GanConstraint constraint, string name)
    {
        var isCondition = name == options.ConditionColumnName;
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentException($"Constraint '{constraint}' names column '{name}', which is not in the training data.", nameof(options));
        if (!options.FeatureColumnNames.Contains(name) && !(isCondition && constraint.Kind == GanConstraintKind.FixedCombinations))
            throw new ArgumentException($"Constraint '{constraint}' names column '{name}', which is not one of FeatureColumnNames{(isCondition ? " (the condition column can only be part of a fixed combination)" : "")}.", nameof(options));
        var numeric = column.Type is NumberDataViewType && !options.CategoricalColumnNames.Contains(name);
        if (constraint.Kind == GanConstraintKind.FixedCombinations)
        {
            if (numeric || !CategoryText.IsSupported(column.Type))
                throw new ArgumentException($"Constraint '{constraint}': column '{name}' has type {column.Type}; a fixed combination is of categorical columns ({CategoryText.ExpectedTypes}; integers listed in CategoricalColumnNames).", nameof(options));
        }
        else if (!numeric)
            throw new ArgumentException($"Constraint '{constraint}': column '{name}' has type {column.Type}{(column.Type is NumberDataViewType ? " and is declared categorical" : "")}; this rule needs a numeric scalar column (Single, Double or an integer type).", nameof(options));
    }

    /// <summary>The smallest and largest value of an integer type.</summary>
    public static (double Min, double Max) IntegerRange(Type type) => type switch
    {
        _ when type == typeof(sbyte) => (sbyte.MinValue, sbyte.MaxValue),
        _ when type == typeof(byte) => (byte.MinValue, byte.MaxValue),
        _ when type == typeof(short) => (short.MinValue, short.MaxValue),
        _ when type == typeof(ushort) => (ushort.MinValue, ushort.MaxValue),
        _ when type == typeof(int) => (int.MinValue, int.MaxValue),
        _ when type == typeof(uint) => (uint.MinValue, uint.MaxValue),
        _ when type == typeof(long) => (long.MinValue, long.MaxValue),
        _ when type == typeof(ulong) => (ulong.MinValue, ulong.MaxValue),
        _ => throw new ArgumentException($"{type} is not an integer type.", nameof(type)),
    };

    private static IEnumerable<GanConstraint> InequalitiesInOrder(List<GanConstraint> left)
    {
        var highs = left.Select(c => c.ColumnNames[1]).ToHashSet();
        var ready = new HashSet<string>();
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(c => !highs.Contains(c.ColumnNames[0]) || ready.Contains(c.ColumnNames[0]))
                ?? throw new ArgumentException($"Constraints {string.Join(", ", left.Select(c => $"'{c}'"))} form a cycle; inequalities must chain one way (a <= b <= c).", "options");
            left.Remove(next);
            ready.Add(next.ColumnNames[1]);
            yield return next;
        }
    }
}
