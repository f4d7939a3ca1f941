using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>
/// The condition (label) column of a conditional GAN: its distinct values become class indices that feed both
/// networks as a one-hot vector. Values are handled in their invariant text form ("rain", "True", "3"), so
/// users ask for a class the way they would write it.
/// </summary>
internal sealed class ConditionEncoder
{
    private readonly Dictionary<string, int> _indexByName;
    private readonly ReadOnlyMemory<char>[]? _keyValues;

    private ConditionEncoder(string columnName, DataViewType type, string[] classNames, double[] frequencies, ReadOnlyMemory<char>[]? keyValues)
    {
        ColumnName = columnName;
        Type = type;
        ClassNames = classNames;
        Frequencies = frequencies;
        _keyValues = keyValues;
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < classNames.Length; i++) _indexByName[classNames[i]] = i;
    }

    public string ColumnName { get; }

    public DataViewType Type { get; }

    /// <summary>Classes in ordinal order of their text form.</summary>
    public string[] ClassNames { get; }

    /// <summary>Share of training rows in each class; sampling without a condition draws classes from it.</summary>
    public double[] Frequencies { get; }

    public int Count => ClassNames.Length;

    public static bool IsSupported(DataViewType type) =>
        type is TextDataViewType or BooleanDataViewType
        || (type is KeyDataViewType && type.RawType == typeof(uint))
        || (type is NumberDataViewType && IsInteger(type.RawType));

    public static string ExpectedTypes => "Text, Boolean, an integer type, or a UInt32 key (e.g. from MapValueToKey)";

    /// <summary>Builds the vocabulary from the text form of every training row's condition.</summary>
    public static ConditionEncoder Fit(string columnName, DataViewType type, ReadOnlyMemory<char>[]? keyValues, IReadOnlyList<string> rowValues)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in rowValues) counts[value] = counts.GetValueOrDefault(value) + 1;
        var names = counts.Keys.ToArray();
        var frequencies = counts.Values.Select(c => (double)c / rowValues.Count).ToArray();
        return new ConditionEncoder(columnName, type, names, frequencies, keyValues);
    }

    public int IndexOf(string value)
    {
        if (_indexByName.TryGetValue(value, out var index)) return index;
        if (Type is BooleanDataViewType && bool.TryParse(value, out var flag)
            && _indexByName.TryGetValue(flag.ToString(CultureInfo.InvariantCulture), out index))
            return index;
        throw new ArgumentException(
            $"Condition '{value}' was not seen in column '{ColumnName}' during training. Known values: {string.Join(", ", ClassNames.Select(n => $"'{n}'"))}.",
            "condition");
    }

    public bool TryIndexOf(string? value, out int index)
    {
        index = -1;
        return value is not null && _indexByName.TryGetValue(value, out index);
    }

    /// <summary>Reads a row's condition as text; returns null for a missing value (empty text, key 0).</summary>
    public static Func<string?> MakeReader(DataViewRow row, DataViewSchema.Column column, ReadOnlyMemory<char>[]? keyValues)
    {
        var type = column.Type;
        switch (type)
        {
            case TextDataViewType:
            {
                var getter = row.GetGetter<ReadOnlyMemory<char>>(column);
                ReadOnlyMemory<char> value = default;
                return () =>
                {
                    getter(ref value);
                    return value.IsEmpty ? null : value.ToString();
                };
            }
            case KeyDataViewType:
            {
                var getter = row.GetGetter<uint>(column);
                uint key = 0;
                return () =>
                {
                    getter(ref key);
                    if (key == 0) return null;
                    return keyValues is not null && key <= keyValues.Length
                        ? keyValues[key - 1].ToString()
                        : key.ToString(CultureInfo.InvariantCulture);
                };
            }
            case BooleanDataViewType:
            {
                var getter = row.GetGetter<bool>(column);
                var value = false;
                return () =>
                {
                    getter(ref value);
                    return value.ToString(CultureInfo.InvariantCulture);
                };
            }
            default:
                return (Func<string?>)typeof(ConditionEncoder)
                    .GetMethod(nameof(MakeNumberReader), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(type.RawType)
                    .Invoke(null, new object[] { row, column })!;
        }
    }

    private static Func<string?> MakeNumberReader<T>(DataViewRow row, DataViewSchema.Column column) where T : IFormattable
    {
        var getter = row.GetGetter<T>(column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            return value.ToString(null, CultureInfo.InvariantCulture);
        };
    }

    /// <summary>Key values of a key-typed column, or null.</summary>
    public static ReadOnlyMemory<char>[]? ReadKeyValues(DataViewSchema.Column column)
    {
        if (column.Type is not KeyDataViewType || !column.HasKeyValues()) return null;
        var values = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetKeyValues(ref values);
        return values.DenseValues().ToArray();
    }

    /// <summary>The class index of a condition read from a request row.</summary>
    public int IndexOfRowValue(string? value, long rowPosition)
    {
        if (value is null)
            throw new InvalidOperationException($"Condition column '{ColumnName}' has a missing value at row {rowPosition}; every request row needs a condition.");
        return IndexOf(value);
    }

    /// <summary>Adds the condition column, in its training type, for the given class indices.</summary>
    public void AddColumn(ArrayDataViewBuilder builder, int[] classIndices)
    {
        switch (Type)
        {
            case TextDataViewType:
                builder.AddColumn(ColumnName, classIndices.Select(i => ClassNames[i]).ToArray());
                break;
            case KeyDataViewType key:
            {
                var keys = classIndices.Select(i => KeyOf(ClassNames[i])).ToArray();
                if (_keyValues is null)
                    builder.AddColumn(ColumnName, key, keys);
                else
                    builder.AddColumn(ColumnName, (ref VBuffer<ReadOnlyMemory<char>> dst) => dst = new VBuffer<ReadOnlyMemory<char>>(_keyValues.Length, _keyValues), key.Count, keys);
                break;
            }
            case BooleanDataViewType:
                builder.AddColumn(ColumnName, BooleanDataViewType.Instance, classIndices.Select(i => bool.Parse(ClassNames[i])).ToArray());
                break;
            default:
                typeof(ConditionEncoder)
                    .GetMethod(nameof(AddNumberColumn), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .MakeGenericMethod(Type.RawType)
                    .Invoke(this, new object[] { builder, classIndices });
                break;
        }
    }

    private void AddNumberColumn<T>(ArrayDataViewBuilder builder, int[] classIndices)
    {
        var parsed = ClassNames.Select(n => (T)Convert.ChangeType(n, typeof(T), CultureInfo.InvariantCulture)).ToArray();
        builder.AddColumn(ColumnName, (PrimitiveDataViewType)Type, classIndices.Select(i => parsed[i]).ToArray());
    }

    private uint KeyOf(string className)
    {
        if (_keyValues is null) return uint.Parse(className, CultureInfo.InvariantCulture);
        for (var k = 0; k < _keyValues.Length; k++)
            if (_keyValues[k].Span.SequenceEqual(className)) return (uint)(k + 1);
        throw new InvalidDataException($"Class '{className}' is not among the key values of column '{ColumnName}'.");
    }

    private static bool IsInteger(Type t) =>
        t == typeof(sbyte) || t == typeof(byte) || t == typeof(short) || t == typeof(ushort)
        || t == typeof(int) || t == typeof(uint) || t == typeof(long) || t == typeof(ulong);

    public void Save(BinaryWriter writer)
    {
        writer.Write(ColumnName);
        DataViewTypeCodec.Write(writer, Type);
        writer.Write(ClassNames.Length);
        for (var i = 0; i < ClassNames.Length; i++)
        {
            writer.Write(ClassNames[i]);
            writer.Write(Frequencies[i]);
        }
        writer.Write(_keyValues?.Length ?? -1);
        foreach (var value in _keyValues ?? Array.Empty<ReadOnlyMemory<char>>()) writer.Write(value.ToString());
    }

    public static ConditionEncoder Load(BinaryReader reader)
    {
        var name = reader.ReadString();
        var type = DataViewTypeCodec.Read(reader);
        var count = reader.ReadInt32();
        var names = new string[count];
        var frequencies = new double[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = reader.ReadString();
            frequencies[i] = reader.ReadDouble();
        }
        var keyCount = reader.ReadInt32();
        ReadOnlyMemory<char>[]? keyValues = keyCount < 0 ? null
            : Enumerable.Range(0, keyCount).Select(_ => reader.ReadString().AsMemory()).ToArray();
        return new ConditionEncoder(name, type, names, frequencies, keyValues);
    }
}
