using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Support;

/// <summary>Every row of a view as one line of exact text (floats by their bits), for comparing samples bit for bit.</summary>
public static class RowText
{
    public static string[] Of(IDataView data)
    {
        using var cursor = data.GetRowCursor(data.Schema);
        var readers = data.Schema.Select(c => Reader(cursor, c)).ToArray();
        var rows = new List<string>();
        while (cursor.MoveNext()) rows.Add(string.Join("|", readers.Select(read => read())));
        return rows.ToArray();
    }

    private static Func<string> Reader(DataViewRowCursor cursor, DataViewSchema.Column column) => column.Type.RawType switch
    {
        var t when t == typeof(float) => Read<float>(cursor, column, v => BitConverter.SingleToInt32Bits(v).ToString("x8", CultureInfo.InvariantCulture)),
        var t when t == typeof(double) => Read<double>(cursor, column, v => BitConverter.DoubleToInt64Bits(v).ToString("x16", CultureInfo.InvariantCulture)),
        var t when t == typeof(int) => Read<int>(cursor, column, v => v.ToString(CultureInfo.InvariantCulture)),
        var t when t == typeof(long) => Read<long>(cursor, column, v => v.ToString(CultureInfo.InvariantCulture)),
        var t when t == typeof(bool) => Read<bool>(cursor, column, v => v.ToString()),
        var t when t == typeof(DateTime) => Read<DateTime>(cursor, column, v => v.Ticks.ToString(CultureInfo.InvariantCulture)),
        var t when t == typeof(ReadOnlyMemory<char>) => Read<ReadOnlyMemory<char>>(cursor, column, v => v.ToString()),
        var t => throw new NotSupportedException($"column '{column.Name}' of {t}"),
    };

    private static Func<string> Read<T>(DataViewRowCursor cursor, DataViewSchema.Column column, Func<T, string> format)
    {
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            return format(value);
        };
    }
}
