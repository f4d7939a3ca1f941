using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Evaluation;

/// <summary>
/// Reads the compared columns of an <see cref="IDataView"/> into memory, checking that each is present and of the kind
/// the real data gives it. Missing values: NaN numbers, empty text, key 0, and <c>default(DateTime)</c> (what a text
/// loader yields for an empty date).
/// </summary>
internal static class TableReader
{
    private const string SupportedTypes = "numbers, dates, text, Booleans or keys";
    private static readonly DateTime UnixEpoch = new(1970, 1, 1);

    public static TabularColumnKind? KindOf(DataViewType type) => type switch
    {
        NumberDataViewType or DateTimeDataViewType or DateTimeOffsetDataViewType => TabularColumnKind.Numeric,
        TextDataViewType or BooleanDataViewType or KeyDataViewType => TabularColumnKind.Categorical,
        _ => null,
    };

    /// <summary>The columns to compare, with the kinds the real data gives them.</summary>
    public static IReadOnlyList<(string Name, TabularColumnKind Kind)> ComparedColumns(IDataView real, IReadOnlyList<string>? names)
    {
        names ??= real.Schema.Where(c => !c.IsHidden).Select(c => c.Name).ToArray();
        if (names.Count == 0) throw new ArgumentException("There are no columns to compare.", nameof(TabularEvaluationOptions.ColumnNames));
        var duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Column '{duplicate.Key}' is listed more than once in ColumnNames.", nameof(TabularEvaluationOptions.ColumnNames));
        return names.Select(name =>
        {
            var column = Find(real, name, "real data", nameof(real));
            var kind = KindOf(column.Type)
                ?? throw new ArgumentException(
                    $"Column '{name}' of the real data is {column.Type}; Evaluate compares scalar columns: {SupportedTypes}. " +
                    "List the columns to compare in TabularEvaluationOptions.ColumnNames.", nameof(real));
            return (name, kind);
        }).ToArray();
    }

    public static EvaluatedTable Read(IDataView data, IReadOnlyList<(string Name, TabularColumnKind Kind)> columns, string role, string parameterName)
    {
        var schemaColumns = columns.Select(c => FindOfKind(data, c.Name, c.Kind, role, parameterName)).ToArray();
        using var cursor = data.GetRowCursor(schemaColumns);
        var readRow = new List<Action>();
        var finish = new List<Func<EvaluatedColumn>>();
        foreach (var (column, kind) in schemaColumns.Zip(columns.Select(c => c.Kind)))
        {
            if (kind == TabularColumnKind.Numeric)
            {
                var get = NumberGetter(cursor, column);
                var values = new List<double>();
                readRow.Add(() => values.Add(get()));
                finish.Add(() => EvaluatedColumn.Numeric(column.Name, values.ToArray()));
            }
            else
            {
                var get = CategoryGetter(cursor, column);
                var values = new List<string?>();
                readRow.Add(() => values.Add(get()));
                finish.Add(() => EvaluatedColumn.Categorical(column.Name, values.ToArray()));
            }
        }
        var rows = 0;
        while (cursor.MoveNext())
        {
            rows++;
            foreach (var read in readRow) read();
        }
        return new EvaluatedTable(finish.Select(f => f()).ToArray(), rows);
    }

    /// <summary>A class column as texts (null = missing): categorical columns, or integers written in invariant form.</summary>
    public static string?[] ReadLabels(IDataView data, string name, string role, string parameterName)
    {
        var column = Find(data, name, role, parameterName);
        var integer = column.Type is NumberDataViewType && IntegerTypes.Contains(column.Type.RawType);
        if (KindOf(column.Type) != TabularColumnKind.Categorical && !integer)
            throw new ArgumentException(
                $"Label column '{name}' of the {role} is {column.Type}; a class label must be text, Boolean, a key or an integer.", parameterName);
        using var cursor = data.GetRowCursor(new[] { column });
        var get = integer ? IntegerText(cursor, column) : CategoryGetter(cursor, column);
        var labels = new List<string?>();
        while (cursor.MoveNext()) labels.Add(get());
        return labels.ToArray();
    }

    private static readonly Type[] IntegerTypes =
        { typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong) };

    private static DataViewSchema.Column Find(IDataView data, string name, string role, string parameterName) =>
        data.Schema.GetColumnOrNull(name)
        ?? throw new ArgumentException($"Column '{name}' is not in the {role}.", parameterName);

    private static DataViewSchema.Column FindOfKind(IDataView data, string name, TabularColumnKind kind, string role, string parameterName)
    {
        var column = Find(data, name, role, parameterName);
        if (KindOf(column.Type) != kind)
            throw new ArgumentException(
                $"Column '{name}' is {kind.ToString().ToLowerInvariant()} in the real data but {column.Type} in the {role}; " +
                (kind == TabularColumnKind.Numeric ? "a number or date type was expected." : "text, Boolean or a key was expected."),
                parameterName);
        return column;
    }

    private static Func<double> NumberGetter(DataViewRow row, DataViewSchema.Column column)
    {
        var raw = column.Type.RawType;
        if (raw == typeof(float)) return Getter<float>(row, column, v => v);
        if (raw == typeof(double)) return Getter<double>(row, column, v => v);
        if (raw == typeof(sbyte)) return Getter<sbyte>(row, column, v => v);
        if (raw == typeof(byte)) return Getter<byte>(row, column, v => v);
        if (raw == typeof(short)) return Getter<short>(row, column, v => v);
        if (raw == typeof(ushort)) return Getter<ushort>(row, column, v => v);
        if (raw == typeof(int)) return Getter<int>(row, column, v => v);
        if (raw == typeof(uint)) return Getter<uint>(row, column, v => v);
        if (raw == typeof(long)) return Getter<long>(row, column, v => v);
        if (raw == typeof(ulong)) return Getter<ulong>(row, column, v => v);
        if (raw == typeof(DateTime)) return Getter<DateTime>(row, column, v => v == default ? double.NaN : (v - UnixEpoch).TotalDays);
        if (raw == typeof(DateTimeOffset)) return Getter<DateTimeOffset>(row, column, v => v == default ? double.NaN : (v.UtcDateTime - UnixEpoch).TotalDays);
        throw new ArgumentException($"Column '{column.Name}' has an unsupported number type {column.Type}.");
    }

    private static Func<string?> CategoryGetter(DataViewRow row, DataViewSchema.Column column)
    {
        switch (column.Type)
        {
            case TextDataViewType:
                return Getter<ReadOnlyMemory<char>>(row, column, v => v.IsEmpty ? null : v.ToString());
            case BooleanDataViewType:
                return Getter<bool>(row, column, v => v ? "True" : "False");
            case KeyDataViewType key:
                var names = KeyValueTexts(column);
                string? Name(ulong value) => value == 0 ? null : names is null ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : names[value - 1];
                if (key.RawType == typeof(byte)) return Getter<byte>(row, column, v => Name(v));
                if (key.RawType == typeof(ushort)) return Getter<ushort>(row, column, v => Name(v));
                if (key.RawType == typeof(uint)) return Getter<uint>(row, column, v => Name(v));
                return Getter<ulong>(row, column, Name);
            default:
                throw new ArgumentException($"Column '{column.Name}' is {column.Type}; text, Boolean or a key was expected.");
        }
    }

    private static Func<string?> IntegerText(DataViewRow row, DataViewSchema.Column column)
    {
        var asNumber = NumberGetter(row, column);
        return () => ((decimal)asNumber()).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The key values as texts when the key column carries text key values; otherwise null (keys are named by number).</summary>
    private static string[]? KeyValueTexts(DataViewSchema.Column column)
    {
        if (!column.HasKeyValues(TextDataViewType.Instance)) return null;
        VBuffer<ReadOnlyMemory<char>> values = default;
        column.GetKeyValues(ref values);
        return values.DenseValues().Select(v => v.ToString()).ToArray();
    }

    private static Func<TResult> Getter<TValue, TResult>(DataViewRow row, DataViewSchema.Column column, Func<TValue, TResult> convert)
    {
        var getter = row.GetGetter<TValue>(column);
        TValue value = default!;
        return () =>
        {
            getter(ref value);
            return convert(value);
        };
    }

    private static Func<double> Getter<TValue>(DataViewRow row, DataViewSchema.Column column, Func<TValue, double> convert) =>
        Getter<TValue, double>(row, column, convert);

    private static Func<string?> Getter<TValue>(DataViewRow row, DataViewSchema.Column column, Func<TValue, string?> convert) =>
        Getter<TValue, string?>(row, column, convert);
}
