using GanEstimators.Serialization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>
/// The condition (label) column of a conditional GAN: its distinct values become class indices that feed both
/// networks as a one-hot vector. Values are handled in their invariant text form ("rain", "True", "3"), so
/// users ask for a class the way they would write it. The classes are a <see cref="CategoryVocabulary.Sorted"/>
/// vocabulary.
/// </summary>
internal sealed class ConditionEncoder
{
    private readonly CategoryVocabulary _classes;

    private ConditionEncoder(string columnName, CategoryVocabulary classes, double[] frequencies)
    {
        ColumnName = columnName;
        _classes = classes;
        Frequencies = frequencies;
    }

    public string ColumnName { get; }

    public DataViewType Type => _classes.Type;

    /// <summary>Classes in ordinal order of their text form.</summary>
    public IReadOnlyList<string> ClassNames => _classes.Levels;

    /// <summary>Share of training rows in each class; sampling without a condition draws classes from it.</summary>
    public double[] Frequencies { get; }

    public int Count => _classes.Count;

    public static bool IsSupported(DataViewType type) => CategoryText.IsSupported(type);

    public static string ExpectedTypes => CategoryText.ExpectedTypes;

    /// <summary>Builds the vocabulary from the text form of every training row's condition.</summary>
    public static ConditionEncoder Fit(DataViewSchema.Column column, IReadOnlyList<string> rowValues)
    {
        var classes = CategoryVocabulary.Sorted(CategoryText.For(column), rowValues);
        var counts = new int[classes.Count];
        foreach (var value in rowValues) counts[classes.IdOf(value)]++;
        return new ConditionEncoder(column.Name, classes, counts.Select(c => (double)c / rowValues.Count).ToArray());
    }

    public int IndexOf(string value) =>
        _classes.TryIdOf(value, out var index) ? index
        : throw new ArgumentException(
            $"Condition '{value}' was not seen in column '{ColumnName}' during training. Known values: {_classes.Describe(int.MaxValue)}.",
            "condition");

    /// <summary>The class index of a condition read from a request row.</summary>
    public int IndexOfRowValue(string? value, long rowPosition)
    {
        if (value is null)
            throw new InvalidOperationException($"Condition column '{ColumnName}' has a missing value at row {rowPosition}; every request row needs a condition.");
        return IndexOf(value);
    }

    /// <summary>Adds the condition column, in its training type, for the given class indices.</summary>
    public void AddColumn(ArrayDataViewBuilder builder, int[] classIndices) =>
        _classes.AddColumn(builder, ColumnName, classIndices.Select(i => (int?)i));

    public void Save(BinaryWriter writer)
    {
        writer.Write(ColumnName);
        DataViewTypeCodec.Write(writer, Type);
        writer.Write(ClassNames.Count);
        for (var i = 0; i < ClassNames.Count; i++)
        {
            writer.Write(ClassNames[i]);
            writer.Write(Frequencies[i]);
        }
        _classes.Text.Save(writer);
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
            return new ConditionEncoder(name, CategoryVocabulary.Stored(CategoryText.Load(reader, type), names), frequencies);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or EndOfStreamException)
        {
            throw new InvalidDataException($"Condition column '{name}': {(e is EndOfStreamException ? "the saved encoder ends early (truncated)." : e.Message)}", e);
        }
    }
}
