using Microsoft.ML.Data;
using Parquet;
using Parquet.Schema;

namespace GanEstimators.Parquet;

/// <summary>
/// The ML.NET type each Parquet type is read as. Integers and booleans keep their type when the column holds no null;
/// ML.NET has no missing integer or boolean, so a column with nulls is read as Double with NaN (integers) or as the text
/// "True"/"False" with empty text (booleans), the library's missing values. Floating-point nulls are NaN, date nulls
/// <c>default(DateTime)</c>, string nulls empty text.
/// </summary>
internal static class ParquetColumnMapping
{
    /// <summary>Whether whether a column of this type needs a scan for nulls before its ML.NET type is known.</summary>
    public static bool TypeDependsOnNulls(DataField field) => field.IsNullable && (IsInteger(field.ClrType) || field.ClrType == typeof(bool));

    public static bool AnyNull(ParquetRowGroupReader group, DataField field, int rows) => field.ClrType switch
    {
        var t when t == typeof(bool) => ValueColumn<bool, bool>.AnyNull(group, field, rows),
        var t when t == typeof(sbyte) => ValueColumn<sbyte, sbyte>.AnyNull(group, field, rows),
        var t when t == typeof(byte) => ValueColumn<byte, byte>.AnyNull(group, field, rows),
        var t when t == typeof(short) => ValueColumn<short, short>.AnyNull(group, field, rows),
        var t when t == typeof(ushort) => ValueColumn<ushort, ushort>.AnyNull(group, field, rows),
        var t when t == typeof(int) => ValueColumn<int, int>.AnyNull(group, field, rows),
        var t when t == typeof(uint) => ValueColumn<uint, uint>.AnyNull(group, field, rows),
        var t when t == typeof(long) => ValueColumn<long, long>.AnyNull(group, field, rows),
        var t when t == typeof(ulong) => ValueColumn<ulong, ulong>.AnyNull(group, field, rows),
        _ => false,
    };

    public static ParquetColumn For(DataField field, bool hasNulls, string path)
    {
        var name = field.Name;
        if (field.IsArray)
            throw new NotSupportedException($"Parquet column '{name}' of '{path}' is a list; only scalar columns can be read.");
        return field.ClrType switch
        {
            var t when t == typeof(bool) => hasNulls
                ? new ValueColumn<bool, ReadOnlyMemory<char>>(name, TextDataViewType.Instance, v => v is { } b ? (b ? "True" : "False").AsMemory() : ReadOnlyMemory<char>.Empty)
                : new ValueColumn<bool, bool>(name, BooleanDataViewType.Instance, v => v.GetValueOrDefault()),
            var t when t == typeof(sbyte) => Integer<sbyte>(name, hasNulls, NumberDataViewType.SByte, v => v),
            var t when t == typeof(byte) => Integer<byte>(name, hasNulls, NumberDataViewType.Byte, v => v),
            var t when t == typeof(short) => Integer<short>(name, hasNulls, NumberDataViewType.Int16, v => v),
            var t when t == typeof(ushort) => Integer<ushort>(name, hasNulls, NumberDataViewType.UInt16, v => v),
            var t when t == typeof(int) => Integer<int>(name, hasNulls, NumberDataViewType.Int32, v => v),
            var t when t == typeof(uint) => Integer<uint>(name, hasNulls, NumberDataViewType.UInt32, v => v),
            var t when t == typeof(long) => Integer<long>(name, hasNulls, NumberDataViewType.Int64, v => ExactDouble(v, name, path)),
            var t when t == typeof(ulong) => Integer<ulong>(name, hasNulls, NumberDataViewType.UInt64, v => ExactDouble(v, name, path)),
            var t when t == typeof(float) => new ValueColumn<float, float>(name, NumberDataViewType.Single, v => v ?? float.NaN),
            var t when t == typeof(double) => new ValueColumn<double, double>(name, NumberDataViewType.Double, v => v ?? double.NaN),
            var t when t == typeof(decimal) => new ValueColumn<decimal, double>(name, NumberDataViewType.Double, v => v is { } d ? (double)d : double.NaN),
            var t when t == typeof(DateTime) => new ValueColumn<DateTime, DateTime>(name, DateTimeDataViewType.Instance, v => v.GetValueOrDefault()),
            var t when t == typeof(DateOnly) => new ValueColumn<DateOnly, DateTime>(name, DateTimeDataViewType.Instance, v => v is { } d ? d.ToDateTime(TimeOnly.MinValue) : default),
            var t when t == typeof(string) || t == typeof(ReadOnlyMemory<char>) => new TextColumn(name),
            var t => throw new NotSupportedException(
                $"Parquet column '{name}' of '{path}' holds {t.Name} values; the readable types are booleans, integers, floating-point and decimal numbers, dates and timestamps, and strings."),
        };
    }

    private static ParquetColumn Integer<T>(string name, bool hasNulls, NumberDataViewType type, Func<T, double> toDouble)
        where T : struct =>
        hasNulls
            ? new ValueColumn<T, double>(name, NumberDataViewType.Double, v => v is { } x ? toDouble(x) : double.NaN)
            : new ValueColumn<T, T>(name, type, v => v.GetValueOrDefault());

    /// <summary>A 64-bit integer of a column read as Double; beyond ±2⁵³ a Double would silently hold another number.</summary>
    private static double ExactDouble(Int128 value, string name, string path) =>
        Int128.Abs(value) <= 1L << 53
            ? (double)value
            : throw new InvalidDataException($"Parquet column '{name}' of '{path}' holds nulls, so it is read as Double (ML.NET has no missing integer), " +
                $"but its value {value} is beyond ±2^53, where a Double cannot hold every integer; fill the nulls (the column is then read as an integer) or leave the column out.");

    private static bool IsInteger(Type t) =>
        t == typeof(sbyte) || t == typeof(byte) || t == typeof(short) || t == typeof(ushort) || t == typeof(int) || t == typeof(uint) || t == typeof(long) || t == typeof(ulong);
}
