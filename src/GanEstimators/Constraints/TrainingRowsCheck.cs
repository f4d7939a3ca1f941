using System.Globalization;
using Microsoft.ML;

namespace GanEstimators.Constraints;

/// <summary>
/// One pass over the training rows before training: every row must already follow the constraints (as in SDV, a rule
/// the data breaks is an error, not something to learn around), and each unique column's largest value is where the
/// sampler's numbering starts. Missing values (NaN) break no inequality or range; a unique column may not have any.
/// </summary>
internal static class TrainingRowsCheck
{
    public static IReadOnlyDictionary<string, double> Run(IDataView input, IReadOnlyList<GanConstraint> constraints)
    {
        var checkedColumns = constraints.Where(c => c.Kind != GanConstraintKind.FixedCombinations).SelectMany(c => c.ColumnNames).Distinct().ToArray();
        var largest = constraints.Where(c => c.Kind == GanConstraintKind.Unique).ToDictionary(c => c.ColumnNames[0], _ => double.NaN);
        if (checkedColumns.Length == 0) return largest;
        var seen = largest.Keys.ToDictionary(k => k, _ => new HashSet<double>());
        using var cursor = input.GetRowCursor(checkedColumns.Select(n => input.Schema[n]));
        var readers = checkedColumns.ToDictionary(n => n, n => NumberValues.Reader(cursor, input.Schema[n]));
        var singles = checkedColumns.Where(n => input.Schema[n].Type.RawType == typeof(float)).ToHashSet();
        var broken = constraints.ToDictionary(c => c, _ => (Count: 0L, First: ""));
        var widest = WidestDifferences(input.Schema, constraints);
        while (cursor.MoveNext())
        {
            var values = readers.ToDictionary(r => r.Key, r => r.Value());
            foreach (var (inequality, limit) in widest) CheckDifference(inequality, limit, values, cursor.Position, input.Schema);
            foreach (var constraint in constraints)
            {
                if (Breaks(constraint, values, seen, singles) is not { } what) continue;
                var (count, first) = broken[constraint];
                broken[constraint] = (count + 1, count == 0 ? $"row {cursor.Position}: {what}" : first);
            }
            foreach (var name in largest.Keys)
                if (!double.IsNaN(values[name])) largest[name] = double.IsNaN(largest[name]) ? values[name] : Math.Max(largest[name], values[name]);
        }
        if (broken.FirstOrDefault(b => b.Value.Count > 0) is { Key: not null } failure)
            throw new ArgumentException(
                $"Constraint '{failure.Key}' is broken by {failure.Value.Count} training row{(failure.Value.Count == 1 ? "" : "s")} (first at {failure.Value.First}). " +
                "The training rows must follow every constraint; filter or correct those rows, or drop the constraint.", nameof(input));
        return largest;
    }

    // The model learns an inequality's high column as high − low in the high column's own type: an integer type must
    // hold it, and cannot hold a missing one.
    private static Dictionary<GanConstraint, double> WidestDifferences(DataViewSchema schema, IReadOnlyList<GanConstraint> constraints) =>
        constraints.Where(c => c.Kind == GanConstraintKind.Inequality && ConstraintColumns.IsInteger(schema[c.ColumnNames[1]].Type))
            .ToDictionary(c => c, c => ConstraintColumns.IntegerRange(schema[c.ColumnNames[1]].Type.RawType).Max);

    private static void CheckDifference(GanConstraint inequality, double limit, Dictionary<string, double> values, long row, DataViewSchema schema)
    {
        var (low, high) = (inequality.ColumnNames[0], inequality.ColumnNames[1]);
        if (double.IsNaN(values[low]))
            throw new ArgumentException(
                $"Constraint '{inequality}': in row {row}, {low} is missing, so {high} − {low} is missing, which column '{high}' ({schema[high].Type}) cannot hold; " +
                $"the model learns '{high}' as that difference. Fill or drop the missing values of '{low}', or store '{high}' as Single or Double.", "input");
        var difference = values[high] - values[low];
        if (difference > limit)
            throw new ArgumentException(
                $"Constraint '{inequality}': in row {row}, {high} − {low} = {Text(difference)}, more than column '{high}''s type ({schema[high].Type}) holds ({Text(limit)}); " +
                $"the model learns '{high}' as that difference. Store '{high}' in a wider type (Int64 or Double).", "input");
    }

    private static string? Breaks(GanConstraint constraint, Dictionary<string, double> values, Dictionary<string, HashSet<double>> seen, HashSet<string> singles)
    {
        var names = constraint.ColumnNames;
        switch (constraint.Kind)
        {
            case GanConstraintKind.Inequality:
                var (low, high) = (values[names[0]], values[names[1]]);
                return low > high ? $"{names[0]} = {Text(low)} > {names[1]} = {Text(high)}" : null;
            case GanConstraintKind.ScalarRange:
                var value = values[names[0]];
                // A Single column holds 0.3 as 0.300000012: it is compared with the bounds as Single too.
                var outside = singles.Contains(names[0])
                    ? (float)value < (float)constraint.Low || (float)value > (float)constraint.High
                    : value < constraint.Low || value > constraint.High;
                return outside ? $"{names[0]} = {Text(value)}" : null;
            case GanConstraintKind.Unique:
                var id = values[names[0]];
                if (double.IsNaN(id)) return $"{names[0]} is missing";
                return seen[names[0]].Add(id) ? null : $"{names[0]} = {Text(id)} repeats an earlier row";
            default:
                return null;
        }
    }

    // Single columns read as double show their float value (12.8, not 12.800000190734863).
    private static string Text(double value) =>
        ((double)(float)value == value ? ((float)value).ToString("R", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture));
}
