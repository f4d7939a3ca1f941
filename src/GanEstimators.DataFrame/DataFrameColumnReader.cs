using Microsoft.Data.Analysis;
using Microsoft.ML.Data;

namespace GanEstimators;

/// <summary>
/// Turns one DataFrame column into a column of the ML.NET type the library reads the same way as from any
/// <see cref="Microsoft.ML.IDataView"/>, with nulls as the library's missing values:
/// <list type="bullet">
/// <item>float and double: as they are; null → NaN (missing).</item>
/// <item>integers: as they are when the column has no null; with nulls, double with NaN (an integer type has no missing value).</item>
/// <item>bool: Boolean when the column has no null; with nulls, text "True"/"False" with empty text for null (a category of its own).</item>
/// <item>decimal: double. DateTime: as it is; null → default(DateTime), which the library reads as missing.</item>
/// <item>string and char: text (a categorical column); null → empty text, the library's missing text.</item>
/// </list>
/// DataFrame's own <see cref="Microsoft.ML.IDataView"/> gives nulls of integer columns as 0 and of bool columns as false
/// (they would train as real values; its null floats are NaN and null strings empty text, as here); that is why the
/// library converts instead.
/// </summary>
internal static class DataFrameColumnReader
{
    public static DataFrameView.ViewColumn Read(DataFrameColumn column)
    {
        var name = column.Name;
        if (column.Length > Array.MaxLength)
            throw new ArgumentException($"DataFrame column '{name}' has {column.Length} rows; an ML.NET view of a DataFrame holds at most {Array.MaxLength} (write larger tables to Parquet parts and read them with LoadFromParquet).", "dataFrame");
        var hasNulls = column.NullCount > 0;
        return column.DataType switch
        {
            var t when t == typeof(float) => Column(name, NumberDataViewType.Single, Values<float>(column, float.NaN)),
            var t when t == typeof(double) => Column(name, NumberDataViewType.Double, Values<double>(column, double.NaN)),
            var t when t == typeof(decimal) => Column(name, NumberDataViewType.Double, Map<decimal, double>(column, v => (double)v, double.NaN)),
            var t when t == typeof(sbyte) => Integer<sbyte>(column, NumberDataViewType.SByte, v => v),
            var t when t == typeof(byte) => Integer<byte>(column, NumberDataViewType.Byte, v => v),
            var t when t == typeof(short) => Integer<short>(column, NumberDataViewType.Int16, v => v),
            var t when t == typeof(ushort) => Integer<ushort>(column, NumberDataViewType.UInt16, v => v),
            var t when t == typeof(int) => Integer<int>(column, NumberDataViewType.Int32, v => v),
            var t when t == typeof(uint) => Integer<uint>(column, NumberDataViewType.UInt32, v => v),
            var t when t == typeof(long) => Integer<long>(column, NumberDataViewType.Int64, v => ExactDouble(v, name)),
            var t when t == typeof(ulong) => Integer<ulong>(column, NumberDataViewType.UInt64, v => ExactDouble(v, name)),
            var t when t == typeof(bool) && !hasNulls => Column(name, BooleanDataViewType.Instance, Values<bool>(column, false)),
            var t when t == typeof(bool) => Text(name, Map<bool, string>(column, v => v ? "True" : "False", "")),
            var t when t == typeof(DateTime) => Column(name, DateTimeDataViewType.Instance, Values<DateTime>(column, default)),
            var t when t == typeof(char) => Text(name, Map<char, string>(column, v => v.ToString(), "")),
            var t when t == typeof(string) => Text(name, Strings(column)),
            var t => throw new ArgumentException(
                $"DataFrame column '{name}' is of type {t.Name}, which GanEstimators cannot read; convert it to a number, bool, DateTime or string column, or remove it.", "dataFrame"),
        };
    }

    /// <summary>A 64-bit integer of a column read as Double; beyond ±2⁵³ a Double would silently hold another number.</summary>
    private static double ExactDouble(Int128 value, string name) =>
        Int128.Abs(value) <= 1L << 53
            ? (double)value
            : throw new ArgumentException($"DataFrame column '{name}' holds nulls, so it is read as Double (ML.NET has no missing integer), " +
                $"but its value {value} is beyond ±2^53, where a Double cannot hold every integer; fill the nulls or leave the column out.", "dataFrame");

    private static DataFrameView.ViewColumn Column<T>(string name, Microsoft.ML.Data.DataViewType type, T[] values) => new DataFrameView.ViewColumn<T>(name, type, values);

    private static DataFrameView.ViewColumn Text(string name, string[] values) =>
        Column(name, TextDataViewType.Instance, Array.ConvertAll(values, v => v.AsMemory()));

    private static DataFrameView.ViewColumn Integer<T>(DataFrameColumn column, Microsoft.ML.Data.DataViewType type, Func<T, double> toDouble)
        where T : unmanaged =>
        column.NullCount == 0
            ? Column(column.Name, type, Values<T>(column, default))
            : Column(column.Name, NumberDataViewType.Double, Map(column, toDouble, double.NaN));

    private static T[] Values<T>(DataFrameColumn column, T whenNull) where T : unmanaged => Map<T, T>(column, v => v, whenNull);

    private static TOut[] Map<T, TOut>(DataFrameColumn column, Func<T, TOut> map, TOut whenNull) where T : unmanaged
    {
        var typed = (PrimitiveDataFrameColumn<T>)column;
        var values = new TOut[checked((int)column.Length)];
        for (var i = 0; i < values.Length; i++)
            values[i] = typed[i] is { } value ? map(value) : whenNull;
        return values;
    }

    private static string[] Strings(DataFrameColumn column)
    {
        var values = new string[checked((int)column.Length)];
        for (var i = 0; i < values.Length; i++) values[i] = column[i] as string ?? "";
        return values;
    }
}
