using Microsoft.ML;
using Microsoft.ML.Data;
using Parquet;
using Parquet.Schema;

namespace GanEstimators.Parquet;

/// <summary>
/// One ML.NET column written to Parquet: its Parquet field, a buffer of one row group of values read from a cursor,
/// and the write of that row group. Missing values (NaN, <c>default(DateTime)</c>, empty text) are written as nulls.
/// </summary>
internal abstract class ParquetColumnWriter(DataViewSchema.Column column, DataField field)
{
    public DataViewSchema.Column Column { get; } = column;

    public DataField Field { get; } = field;

    public abstract void Bind(DataViewRowCursor cursor, int rowGroupRows);

    /// <summary>Reads the cursor's current value into slot <paramref name="row"/> of the row group.</summary>
    public abstract void Read(int row);

    public abstract void Write(ParquetRowGroupWriter group, int rows);

    /// <summary>The writer for a column, or an exception naming it when Parquet cannot hold its type here.</summary>
    public static ParquetColumnWriter For(DataViewSchema.Column column)
    {
        var name = column.Name;
        return column.Type switch
        {
            NumberDataViewType t when t == NumberDataViewType.Single => Nullable<float>(column, new DataField<float?>(name), float.IsNaN),
            NumberDataViewType t when t == NumberDataViewType.Double => Nullable<double>(column, new DataField<double?>(name), double.IsNaN),
            NumberDataViewType t when t == NumberDataViewType.SByte => Required<sbyte>(column),
            NumberDataViewType t when t == NumberDataViewType.Byte => Required<byte>(column),
            NumberDataViewType t when t == NumberDataViewType.Int16 => Required<short>(column),
            NumberDataViewType t when t == NumberDataViewType.UInt16 => Required<ushort>(column),
            NumberDataViewType t when t == NumberDataViewType.Int32 => Required<int>(column),
            NumberDataViewType t when t == NumberDataViewType.UInt32 => Required<uint>(column),
            NumberDataViewType t when t == NumberDataViewType.Int64 => Required<long>(column),
            NumberDataViewType t when t == NumberDataViewType.UInt64 => Required<ulong>(column),
            BooleanDataViewType => Required<bool>(column),
            DateTimeDataViewType => Nullable<DateTime>(column,
                new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Micros, isNullable: true), d => d == default),
            TextDataViewType => new TextWriter(column),
            _ => throw new NotSupportedException(
                $"Column '{name}' is {column.Type}; Parquet files are written from scalar numbers, booleans, dates and text (convert keys with MapKeyToValue and leave vectors out)."),
        };
    }

    private static ParquetColumnWriter Required<T>(DataViewSchema.Column column) where T : struct =>
        new RequiredWriter<T>(column, new DataField<T>(column.Name, false));

    private static ParquetColumnWriter Nullable<T>(DataViewSchema.Column column, DataField field, Func<T, bool> isMissing) where T : struct =>
        new NullableWriter<T>(column, field, isMissing);

    private sealed class RequiredWriter<T>(DataViewSchema.Column column, DataField field) : ParquetColumnWriter(column, field)
        where T : struct
    {
        private ValueGetter<T> _getter = null!;
        private T[] _values = Array.Empty<T>();

        public override void Bind(DataViewRowCursor cursor, int rowGroupRows)
        {
            _getter = cursor.GetGetter<T>(Column);
            _values = new T[rowGroupRows];
        }

        public override void Read(int row) => _getter(ref _values[row]);

        public override void Write(ParquetRowGroupWriter group, int rows) =>
            Blocking.Wait(group.WriteAsync<T>(Field, new ReadOnlyMemory<T>(_values, 0, rows)));
    }

    private sealed class NullableWriter<T>(DataViewSchema.Column column, DataField field, Func<T, bool> isMissing) : ParquetColumnWriter(column, field)
        where T : struct
    {
        private ValueGetter<T> _getter = null!;
        private T?[] _values = Array.Empty<T?>();
        private T _value;

        public override void Bind(DataViewRowCursor cursor, int rowGroupRows)
        {
            _getter = cursor.GetGetter<T>(Column);
            _values = new T?[rowGroupRows];
        }

        public override void Read(int row)
        {
            _getter(ref _value);
            _values[row] = isMissing(_value) ? null : _value;
        }

        public override void Write(ParquetRowGroupWriter group, int rows) =>
            Blocking.Wait(group.WriteAsync<T>(Field, new ReadOnlyMemory<T?>(_values, 0, rows)));
    }

    private sealed class TextWriter(DataViewSchema.Column column) : ParquetColumnWriter(column, new DataField<string>(column.Name, true))
    {
        // Categories repeat: reuse one string per distinct value (up to a bound) rather than allocate one per row.
        private const int MaximumCached = 4096;
        private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
        private ValueGetter<ReadOnlyMemory<char>> _getter = null!;
        private string?[] _values = Array.Empty<string?>();
        private ReadOnlyMemory<char> _value;

        public override void Bind(DataViewRowCursor cursor, int rowGroupRows)
        {
            _getter = cursor.GetGetter<ReadOnlyMemory<char>>(Column);
            _values = new string?[rowGroupRows];
        }

        public override void Read(int row)
        {
            _getter(ref _value);
            if (_value.IsEmpty)
            {
                _values[row] = null;
                return;
            }
            var text = _value.ToString();
            if (_seen.TryGetValue(text, out var known)) text = known;
            else if (_seen.Count < MaximumCached) _seen.Add(text, text);
            _values[row] = text;
        }

        public override void Write(ParquetRowGroupWriter group, int rows) =>
            Blocking.Wait(group.WriteAsync(Field, new ArraySegment<string>(_values!, 0, rows)));
    }
}
