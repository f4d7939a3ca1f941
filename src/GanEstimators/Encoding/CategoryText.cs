using GanEstimators.Serialization;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>
/// Category values in their invariant text form ("rain", "True", "3"), read from and written back to the column's
/// own type: Text, Boolean, integers or UInt32 keys (with their key values when the column has them).
/// </summary>
internal sealed class CategoryText
{
    private readonly DataViewType _type;
    private readonly ReadOnlyMemory<char>[]? _keyValues;

    public CategoryText(DataViewType type, ReadOnlyMemory<char>[]? keyValues)
    {
        _type = type;
        _keyValues = keyValues;
    }

    public ReadOnlyMemory<char>[]? KeyValues => _keyValues;

    public DataViewType Type => _type;

    /// <summary>The text form of a schema column's values, with its key values when it has them.</summary>
    public static CategoryText For(DataViewSchema.Column column) => new(column.Type, ReadKeyValues(column));

    public static bool IsSupported(DataViewType type) =>
        type is TextDataViewType or BooleanDataViewType
        || (type is KeyDataViewType && type.RawType == typeof(uint))
        || (type is NumberDataViewType && IsInteger(type.RawType));

    public const string ExpectedTypes = "Text, Boolean, an integer type, or a UInt32 key (e.g. from MapValueToKey)";

    /// <summary>Key values of a key-typed column, or null.</summary>
    public static ReadOnlyMemory<char>[]? ReadKeyValues(DataViewSchema.Column column)
    {
        if (column.Type is not KeyDataViewType || !column.HasKeyValues()) return null;
        var values = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetKeyValues(ref values);
        return values.DenseValues().ToArray();
    }

    /// <summary>Reads a row's value as text; null for a missing value (empty text, key 0).</summary>
    public Func<string?> MakeReader(DataViewRow row, DataViewSchema.Column column)
    {
        switch (_type)
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
                    return _keyValues is not null && key <= _keyValues.Length
                        ? _keyValues[key - 1].ToString()
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
                return (Func<string?>)typeof(CategoryText)
                    .GetMethod(nameof(MakeNumberReader), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(_type.RawType)
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

    /// <summary>Adds a column of these values (null = missing) in the column's type.</summary>
    public void AddColumn(ArrayDataViewBuilder builder, string name, string?[] values)
    {
        switch (_type)
        {
            case TextDataViewType:
                builder.AddColumn(name, values.Select(v => v ?? "").ToArray());
                break;
            case KeyDataViewType key:
            {
                var keys = values.Select(KeyOf).ToArray();
                if (_keyValues is null)
                    builder.AddColumn(name, key, keys);
                else
                    builder.AddColumn(name, (ref VBuffer<ReadOnlyMemory<char>> dst) => dst = new VBuffer<ReadOnlyMemory<char>>(_keyValues.Length, _keyValues), key.Count, keys);
                break;
            }
            default:
                typeof(CategoryText)
                    .GetMethod(nameof(AddParsedColumn), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .MakeGenericMethod(_type.RawType)
                    .Invoke(this, new object[] { builder, name, values });
                break;
        }
    }

    private void AddParsedColumn<T>(ArrayDataViewBuilder builder, string name, string?[] values)
    {
        var parsed = new Dictionary<string, T>();
        builder.AddColumn(name, (PrimitiveDataViewType)_type, values.Select(v =>
        {
            if (v is null) return default!;
            if (!parsed.TryGetValue(v, out var value)) parsed[v] = value = Parse<T>(v);
            return value;
        }).ToArray());
    }

    /// <summary>A getter in the column's type returning <paramref name="current"/>'s value.</summary>
    public Delegate MakeGetter(Func<string?> current) => _type switch
    {
        TextDataViewType => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> v) => v = (current() ?? "").AsMemory()),
        KeyDataViewType => (ValueGetter<uint>)((ref uint v) => v = KeyOf(current())),
        _ => (Delegate)typeof(CategoryText)
            .GetMethod(nameof(MakeParsedGetter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(_type.RawType)
            .Invoke(null, new object[] { current })!,
    };

    private static ValueGetter<T> MakeParsedGetter<T>(Func<string?> current) =>
        (ref T v) => v = current() is { } text ? Parse<T>(text) : default!;

    private static T Parse<T>(string text) => (T)Convert.ChangeType(text, typeof(T), CultureInfo.InvariantCulture);

    public uint KeyOf(string? value)
    {
        if (value is null) return 0;
        if (_keyValues is null) return uint.Parse(value, CultureInfo.InvariantCulture);
        for (var k = 0; k < _keyValues.Length; k++)
            if (_keyValues[k].Span.SequenceEqual(value)) return (uint)(k + 1);
        throw new InvalidDataException($"Value '{value}' is not among the column's key values.");
    }

    private static bool IsInteger(Type t) =>
        t == typeof(sbyte) || t == typeof(byte) || t == typeof(short) || t == typeof(ushort)
        || t == typeof(int) || t == typeof(uint) || t == typeof(long) || t == typeof(ulong);

    public void Save(BinaryWriter writer)
    {
        writer.Write(_keyValues?.Length ?? -1);
        foreach (var value in _keyValues ?? Array.Empty<ReadOnlyMemory<char>>()) writer.Write(value.ToString());
    }

    public static CategoryText Load(BinaryReader reader, DataViewType type)
    {
        return new CategoryText(type, ReadKeyValues(reader));
    }

    /// <summary>Reads key values written as a count (-1 for none) and the strings.</summary>
    public static ReadOnlyMemory<char>[]? ReadKeyValues(BinaryReader reader)
    {
        var keyCount = reader.ReadCount("number of key values", ModelLimits.MaxCategoryLevels, bytesPerItem: 1, min: -1);
        return keyCount < 0 ? null
            : Enumerable.Range(0, keyCount).Select(_ => reader.ReadBoundedString("key value").AsMemory()).ToArray();
    }
}
