using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.FuzzTests;

/// <summary>
/// Reads every value of every column of a view and reports the first number that is not finite. NaN is allowed only
/// in <paramref name="missingAllowed"/>: scalar columns whose training data had missing values, which come back as NaN.
/// </summary>
internal static class FiniteOutput
{
    public static string? FirstNonFinite(IDataView view, IReadOnlySet<string> missingAllowed)
    {
        using var cursor = view.GetRowCursor(view.Schema);
        var checks = view.Schema.Select(column => Check(cursor, column, missingAllowed.Contains(column.Name))).ToArray();
        while (cursor.MoveNext())
            foreach (var check in checks)
                if (check() is { } problem) return $"row {cursor.Position}: {problem}";
        return null;
    }

    private static Func<string?> Check(DataViewRowCursor cursor, DataViewSchema.Column column, bool missing)
    {
        var type = column.Type;
        if (type == NumberDataViewType.Single)
        {
            var get = cursor.GetGetter<float>(column);
            float value = 0;
            return () => { get(ref value); return float.IsFinite(value) || float.IsNaN(value) && missing ? null : $"{column.Name} = {value}"; };
        }
        if (type == NumberDataViewType.Double)
        {
            var get = cursor.GetGetter<double>(column);
            double value = 0;
            return () => { get(ref value); return double.IsFinite(value) || double.IsNaN(value) && missing ? null : $"{column.Name} = {value}"; };
        }
        if (type is VectorDataViewType { ItemType: NumberDataViewType { RawType: var raw } } && raw == typeof(float))
        {
            var get = cursor.GetGetter<VBuffer<float>>(column);
            var value = default(VBuffer<float>);
            return () =>
            {
                get(ref value);
                foreach (var item in value.DenseValues())
                    if (!float.IsFinite(item)) return $"{column.Name} has {item}";
                return null;
            };
        }
        return () => null;
    }

    /// <summary>The scalar number columns in which the intact model generates NaN (its missing values).</summary>
    public static IReadOnlySet<string> ColumnsWithMissingValues(IDataView view) =>
        view.Schema.Where(c => c.Type == NumberDataViewType.Single && view.GetColumn<float>(c).Any(float.IsNaN)
                               || c.Type == NumberDataViewType.Double && view.GetColumn<double>(c).Any(double.IsNaN))
            .Select(c => c.Name).ToHashSet();
}
