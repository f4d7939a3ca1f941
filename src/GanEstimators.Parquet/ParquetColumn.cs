using Microsoft.ML;
using Microsoft.ML.Data;
using Parquet;
using Parquet.Schema;

namespace GanEstimators.Parquet;

/// <summary>How one Parquet column is read into an ML.NET column: its name, its ML.NET type and a per-cursor buffer.</summary>
internal abstract class ParquetColumn(string name, DataViewType type)
{
    public string Name { get; } = name;

    public DataViewType Type { get; } = type;

    /// <summary>A buffer for one cursor, holding the column's values of the row group the cursor is in.</summary>
    public abstract ColumnBuffer NewBuffer();
}

/// <summary>One column's values of the current row group, and a getter that reads the cursor's row of them.</summary>
internal abstract class ColumnBuffer
{
    public abstract void Load(ParquetRowGroupReader group, DataField field, int rows);

    public abstract Delegate Getter(Func<int> row);
}

/// <summary>A column of Parquet values of a value type, each converted to the ML.NET value (a null to the missing value).</summary>
internal sealed class ValueColumn<TParquet, TValue>(string name, DataViewType type, Func<TParquet?, TValue> convert) : ParquetColumn(name, type)
    where TParquet : struct
{
    public override ColumnBuffer NewBuffer() => new Buffer(convert);

    /// <summary>Whether the column of this row group holds a null (read only for columns whose schema allows them).</summary>
    public static bool AnyNull(ParquetRowGroupReader group, DataField field, int rows)
    {
        if (!field.IsNullable) return false;
        var raw = new TParquet?[rows];
        Blocking.Wait(group.ReadAsync<TParquet>(field, raw.AsMemory()));
        return Array.Exists(raw, v => !v.HasValue);
    }

    private sealed class Buffer(Func<TParquet?, TValue> convert) : ColumnBuffer
    {
        private TValue[] _values = Array.Empty<TValue>();

        public override void Load(ParquetRowGroupReader group, DataField field, int rows)
        {
            _values = new TValue[rows];
            if (field.IsNullable)
            {
                var raw = new TParquet?[rows];
                Blocking.Wait(group.ReadAsync<TParquet>(field, raw.AsMemory()));
                for (var i = 0; i < rows; i++) _values[i] = convert(raw[i]);
            }
            else
            {
                var raw = new TParquet[rows];
                Blocking.Wait(group.ReadAsync<TParquet>(field, raw.AsMemory()));
                for (var i = 0; i < rows; i++) _values[i] = convert(raw[i]);
            }
        }

        public override Delegate Getter(Func<int> row) => (ValueGetter<TValue>)((ref TValue value) => value = _values[row()]);
    }
}

/// <summary>A Parquet string column as ML.NET text; a null is empty text, the library's missing category.</summary>
internal sealed class TextColumn(string name) : ParquetColumn(name, TextDataViewType.Instance)
{
    public override ColumnBuffer NewBuffer() => new Buffer();

    private sealed class Buffer : ColumnBuffer
    {
        private string?[] _values = Array.Empty<string>();

        public override void Load(ParquetRowGroupReader group, DataField field, int rows)
        {
            _values = new string?[rows];
            Blocking.Wait(group.ReadAsync(field, _values.AsMemory()!));
        }

        public override Delegate Getter(Func<int> row) =>
            (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = (_values[row()] ?? "").AsMemory());
    }
}
