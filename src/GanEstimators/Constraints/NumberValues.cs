using Microsoft.ML;

namespace GanEstimators.Constraints;

/// <summary>Numeric columns of any number type read as, and written from, double (the arithmetic of the rules).</summary>
internal static class NumberValues
{
    public static Func<double> Reader(DataViewRow row, DataViewSchema.Column column) => column.Type.RawType switch
    {
        var t when t == typeof(float) => Read<float>(row, column, v => v),
        var t when t == typeof(double) => Read<double>(row, column, v => v),
        var t when t == typeof(sbyte) => Read<sbyte>(row, column, v => v),
        var t when t == typeof(byte) => Read<byte>(row, column, v => v),
        var t when t == typeof(short) => Read<short>(row, column, v => v),
        var t when t == typeof(ushort) => Read<ushort>(row, column, v => v),
        var t when t == typeof(int) => Read<int>(row, column, v => v),
        var t when t == typeof(uint) => Read<uint>(row, column, v => v),
        var t when t == typeof(long) => Read<long>(row, column, v => v),
        var t when t == typeof(ulong) => Read<ulong>(row, column, v => v),
        _ => throw new ArgumentException($"Column '{column.Name}' has type {column.Type}, which is not a number type.", nameof(column)),
    };

    /// <summary>A getter of <typeparamref name="T"/> (the column's own type) returning <paramref name="value"/>, rounded for integer types.</summary>
    public static ValueGetter<T> Getter<T>(Func<double> value)
    {
        var convert = Converter<T>();
        return (ref T destination) => destination = convert(value());
    }

    private static Func<double, T> Converter<T>()
    {
        object converter = typeof(T) switch
        {
            var t when t == typeof(float) => (Func<double, float>)(v => (float)v),
            var t when t == typeof(double) => (Func<double, double>)(v => v),
            var t when t == typeof(sbyte) => (Func<double, sbyte>)(v => (sbyte)Math.Clamp(Math.Round(v), sbyte.MinValue, sbyte.MaxValue)),
            var t when t == typeof(byte) => (Func<double, byte>)(v => (byte)Math.Clamp(Math.Round(v), byte.MinValue, byte.MaxValue)),
            var t when t == typeof(short) => (Func<double, short>)(v => (short)Math.Clamp(Math.Round(v), short.MinValue, short.MaxValue)),
            var t when t == typeof(ushort) => (Func<double, ushort>)(v => (ushort)Math.Clamp(Math.Round(v), ushort.MinValue, ushort.MaxValue)),
            var t when t == typeof(int) => (Func<double, int>)(v => (int)Math.Clamp(Math.Round(v), int.MinValue, int.MaxValue)),
            var t when t == typeof(uint) => (Func<double, uint>)(v => (uint)Math.Clamp(Math.Round(v), uint.MinValue, uint.MaxValue)),
            var t when t == typeof(long) => (Func<double, long>)(v => (long)Math.Clamp(Math.Round(v), long.MinValue, long.MaxValue)),
            var t when t == typeof(ulong) => (Func<double, ulong>)(v => (ulong)Math.Clamp(Math.Round(v), ulong.MinValue, ulong.MaxValue)),
            _ => throw new InvalidOperationException($"{typeof(T)} is not a number type."),
        };
        return (Func<double, T>)converter;
    }

    private static Func<double> Read<T>(DataViewRow row, DataViewSchema.Column column, Func<T, double> toDouble)
    {
        var getter = row.GetGetter<T>(column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            return toDouble(value);
        };
    }
}
