using GanEstimators.Serialization;
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

    public static bool IsSupported(DataViewType type) => CategoryText.IsSupported(type);

    public static string ExpectedTypes => CategoryText.ExpectedTypes;

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
    public static Func<string?> MakeReader(DataViewRow row, DataViewSchema.Column column, ReadOnlyMemory<char>[]? keyValues) =>
        new CategoryText(column.Type, keyValues).MakeReader(row, column);

    /// <summary>Key values of a key-typed column, or null.</summary>
    public static ReadOnlyMemory<char>[]? ReadKeyValues(DataViewSchema.Column column) => CategoryText.ReadKeyValues(column);

    /// <summary>The class index of a condition read from a request row.</summary>
    public int IndexOfRowValue(string? value, long rowPosition)
    {
        if (value is null)
            throw new InvalidOperationException($"Condition column '{ColumnName}' has a missing value at row {rowPosition}; every request row needs a condition.");
        return IndexOf(value);
    }

    /// <summary>Adds the condition column, in its training type, for the given class indices.</summary>
    public void AddColumn(ArrayDataViewBuilder builder, int[] classIndices) =>
        new CategoryText(Type, _keyValues).AddColumn(builder, ColumnName, classIndices.Select(i => (string?)ClassNames[i]).ToArray());

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
        var name = reader.ReadBoundedString("condition column name");
        try
        {
            var type = DataViewTypeCodec.Read(reader);
            if (!IsSupported(type)) throw new InvalidDataException($"its saved type {type} cannot be a condition.");
            var count = reader.ReadCount("number of condition classes", ModelLimits.MaxConditionClasses, bytesPerItem: 9, min: 1);
            var names = new string[count];
            var frequencies = new double[count];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                names[i] = reader.ReadBoundedString("condition class");
                if (!seen.Add(names[i])) throw new InvalidDataException($"the saved classes name '{names[i]}' twice.");
                frequencies[i] = reader.ReadFiniteDouble("class frequency");
                if (frequencies[i] < 0) throw new InvalidDataException($"the saved frequency of class '{names[i]}' is {frequencies[i]}.");
            }
            return new ConditionEncoder(name, type, names, frequencies, CategoryText.ReadKeyValues(reader));
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or EndOfStreamException)
        {
            throw new InvalidDataException($"Condition column '{name}': {(e is EndOfStreamException ? "the saved encoder ends early (truncated)." : e.Message)}", e);
        }
    }
}
