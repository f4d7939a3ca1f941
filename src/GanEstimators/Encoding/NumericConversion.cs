using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>
/// Moves values of one ML.NET numeric type to and from float: integers are rounded and clamped to their
/// type's range on the way back, booleans are 0/1 and read back with a 0.5 threshold, dates are days since
/// <see cref="DateAsDays.Origin"/>.
/// </summary>
internal abstract class NumericConversion
{
    /// <summary>Copies the current row's value(s) of one column into <paramref name="destination"/>.</summary>
    public delegate void ValueReader(Span<float> destination);

    public abstract Type RawType { get; }

    /// <summary>A reader that copies the row's value(s) into a span; width is 1 for scalars.</summary>
    public abstract ValueReader MakeReader(DataViewRow row, DataViewSchema.Column column);

    /// <summary>A getter returning the value at <paramref name="offset"/> of the current decoded row.</summary>
    public abstract Delegate MakeGetter(Func<float[]> currentRow, int offset, int width);

    /// <summary>Adds a column of decoded values (rows × width, row-major) to an in-memory data view.</summary>
    public abstract void AddColumn(ArrayDataViewBuilder builder, string name, float[] values, int rows, int width, int offset, int stride);

    private static readonly Dictionary<Type, NumericConversion> ByRawType = new NumericConversion[]
    {
        new Conversion<float>(NumberDataViewType.Single, v => v, v => v),
        new Conversion<double>(NumberDataViewType.Double, v => (float)v, v => v, RejectOutsideSingle),
        new Conversion<sbyte>(NumberDataViewType.SByte, v => v, v => (sbyte)Math.Clamp(MathF.Round(v), sbyte.MinValue, sbyte.MaxValue)),
        new Conversion<byte>(NumberDataViewType.Byte, v => v, v => (byte)Math.Clamp(MathF.Round(v), byte.MinValue, byte.MaxValue)),
        new Conversion<short>(NumberDataViewType.Int16, v => v, v => (short)Math.Clamp(MathF.Round(v), short.MinValue, short.MaxValue)),
        new Conversion<ushort>(NumberDataViewType.UInt16, v => v, v => (ushort)Math.Clamp(MathF.Round(v), ushort.MinValue, ushort.MaxValue)),
        new Conversion<int>(NumberDataViewType.Int32, v => v, v => (int)Math.Clamp(Math.Round((double)v), int.MinValue, int.MaxValue)),
        new Conversion<uint>(NumberDataViewType.UInt32, v => v, v => (uint)Math.Clamp(Math.Round((double)v), uint.MinValue, uint.MaxValue)),
        new Conversion<long>(NumberDataViewType.Int64, v => v, v => (long)Math.Clamp(Math.Round((double)v), long.MinValue, long.MaxValue)),
        new Conversion<ulong>(NumberDataViewType.UInt64, v => v, v => (ulong)Math.Clamp(Math.Round((double)v), ulong.MinValue, ulong.MaxValue)),
        new Conversion<bool>(BooleanDataViewType.Instance, v => v ? 1f : 0f, v => v >= 0.5f),
        new Conversion<DateTime>(DateTimeDataViewType.Instance, DateAsDays.ToDays, DateAsDays.FromDays),
    }.ToDictionary(c => c.RawType);

    /// <summary>The conversion for a scalar numeric/bool type or a known-size vector of Single; null when unsupported.</summary>
    public static NumericConversion? For(DataViewType type)
    {
        if (type is VectorDataViewType vector)
            return vector.IsKnownSize && vector.ItemType == NumberDataViewType.Single ? SingleVector : null;
        if (type is KeyDataViewType) return null;
        return ByRawType.GetValueOrDefault(type.RawType);
    }

    public static int WidthOf(DataViewType type) => type is VectorDataViewType vector ? vector.Size : 1;

    private static readonly NumericConversion SingleVector = new SingleVectorConversion();

    // A finite double beyond float's range would become an infinity that the training checks then call "infinite".
    private static void RejectOutsideSingle(double value, DataViewRow row, DataViewSchema.Column column)
    {
        if (!double.IsFinite(value) || float.IsFinite((float)value)) return;
        throw new ArgumentException(
            FormattableString.Invariant($"Feature column '{column.Name}' has the value {value:R} in row {row.Position}, outside the range of Single (±{float.MaxValue:R}) in which the GAN computes. ") +
            "Rescale the column (divide it by a power of ten, or take its logarithm) or filter those rows out before training.",
            "data");
    }

    private sealed class Conversion<T>(PrimitiveDataViewType type, Func<T, float> toFloat, Func<float, T> fromFloat, Action<T, DataViewRow, DataViewSchema.Column>? check = null) : NumericConversion
    {
        public override Type RawType => typeof(T);

        public override ValueReader MakeReader(DataViewRow row, DataViewSchema.Column column)
        {
            var getter = row.GetGetter<T>(column);
            T value = default!;
            return destination =>
            {
                getter(ref value);
                check?.Invoke(value, row, column);
                destination[0] = toFloat(value);
            };
        }

        public override Delegate MakeGetter(Func<float[]> currentRow, int offset, int width) =>
            (ValueGetter<T>)((ref T value) => value = fromFloat(currentRow()[offset]));

        public override void AddColumn(ArrayDataViewBuilder builder, string name, float[] values, int rows, int width, int offset, int stride)
        {
            var column = new T[rows];
            for (var r = 0; r < rows; r++) column[r] = fromFloat(values[r * stride + offset]);
            builder.AddColumn(name, type, column);
        }
    }

    private sealed class SingleVectorConversion : NumericConversion
    {
        public override Type RawType => typeof(VBuffer<float>);

        public override ValueReader MakeReader(DataViewRow row, DataViewSchema.Column column)
        {
            var getter = row.GetGetter<VBuffer<float>>(column);
            var buffer = default(VBuffer<float>);
            return destination =>
            {
                getter(ref buffer);
                buffer.CopyTo(destination);
            };
        }

        public override Delegate MakeGetter(Func<float[]> currentRow, int offset, int width) =>
            (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
            {
                var editor = VBufferEditor.Create(ref value, width);
                currentRow().AsSpan(offset, width).CopyTo(editor.Values);
                value = editor.Commit();
            });

        public override void AddColumn(ArrayDataViewBuilder builder, string name, float[] values, int rows, int width, int offset, int stride)
        {
            var column = new float[rows][];
            for (var r = 0; r < rows; r++) column[r] = values.AsSpan(r * stride + offset, width).ToArray();
            builder.AddColumn(name, NumberDataViewType.Single, column);
        }
    }
}
