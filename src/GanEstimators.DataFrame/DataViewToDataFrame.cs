using Microsoft.Data.Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators;

/// <summary>
/// Reads every row of a (sample) <see cref="IDataView"/> into a DataFrame, one column per scalar column, in the
/// column's own type. Missing values come back as the DataFrame's: empty text and default DateTime as null; NaN stays
/// NaN in number columns, as in the sample itself.
/// </summary>
internal static class DataViewToDataFrame
{
    public static Microsoft.Data.Analysis.DataFrame Read(IDataView data)
    {
        var columns = data.Schema.Where(c => !c.IsHidden).ToArray();
        var vector = columns.FirstOrDefault(c => c.Type is VectorDataViewType);
        if (vector.Name is not null)
            throw new NotSupportedException($"Column '{vector.Name}' is a vector ({vector.Type}); a DataFrame holds scalar columns. Read image samples through Sample instead.");
        var builders = columns.Select(Builder).ToArray();
        using (var cursor = data.GetRowCursor(columns))
        {
            var readers = columns.Select((c, i) => builders[i].Reader(cursor, c)).ToArray();
            while (cursor.MoveNext())
                foreach (var read in readers) read();
        }
        return new Microsoft.Data.Analysis.DataFrame(builders.Select(b => b.Column));
    }

    private static ColumnBuilder Builder(DataViewSchema.Column column) => column.Type switch
    {
        TextDataViewType => Strings(column.Name),
        KeyDataViewType => Primitive(new UInt32DataFrameColumn(column.Name)),
        DateTimeDataViewType => Dates(column.Name),
        _ when column.Type.RawType == typeof(float) => Primitive(new SingleDataFrameColumn(column.Name)),
        _ when column.Type.RawType == typeof(double) => Primitive(new DoubleDataFrameColumn(column.Name)),
        _ when column.Type.RawType == typeof(sbyte) => Primitive(new SByteDataFrameColumn(column.Name)),
        _ when column.Type.RawType == typeof(byte) => Primitive(new ByteDataFrameColumn(column.Name)),
        _ when column.Type.RawType == typeof(short) => Primitive(new Int16DataFrameColumn(column.Name)),
        _ when column.Type.RawType == typeof(ushort) => Primitive(new UInt16DataFrameColumn(column.Name)),
        _ when column.Type.RawType == typeof(int) => Primitive(new Int32DataFrameColumn(column.Name)),
        _ when column.Type.RawType == typeof(uint) => Primitive(new UInt32DataFrameColumn(column.Name)),
        _ when column.Type.RawType == typeof(long) => Primitive(new Int64DataFrameColumn(column.Name)),
        _ when column.Type.RawType == typeof(ulong) => Primitive(new UInt64DataFrameColumn(column.Name)),
        _ when column.Type.RawType == typeof(bool) => Primitive(new BooleanDataFrameColumn(column.Name)),
        _ => throw new NotSupportedException($"Column '{column.Name}' is of type {column.Type}, which has no DataFrame column here."),
    };

    private static ColumnBuilder Primitive<T>(PrimitiveDataFrameColumn<T> column) where T : unmanaged =>
        new ColumnBuilder<T>(column, v => column.Append(v));

    private static ColumnBuilder Dates(string name)
    {
        var column = new DateTimeDataFrameColumn(name);
        return new ColumnBuilder<DateTime>(column, v => column.Append(v == default ? null : v));
    }

    private static ColumnBuilder Strings(string name)
    {
        var column = new StringDataFrameColumn(name);
        return new ColumnBuilder<ReadOnlyMemory<char>>(column, v => column.Append(v.IsEmpty ? null : v.ToString()));
    }

    private abstract class ColumnBuilder
    {
        public abstract DataFrameColumn Column { get; }

        public abstract Action Reader(DataViewRowCursor cursor, DataViewSchema.Column column);
    }

    private sealed class ColumnBuilder<TRaw>(DataFrameColumn column, Action<TRaw> append) : ColumnBuilder
    {
        public override DataFrameColumn Column => column;

        public override Action Reader(DataViewRowCursor cursor, DataViewSchema.Column source)
        {
            var getter = cursor.GetGetter<TRaw>(source);
            TRaw value = default!;
            return () =>
            {
                getter(ref value);
                append(value);
            };
        }
    }
}
