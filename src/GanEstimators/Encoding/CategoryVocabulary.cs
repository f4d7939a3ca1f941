using GanEstimators.Serialization;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>
/// The levels of a categorical feature column or of the condition column, in their invariant text form ("rain",
/// "True", "3"), in a stored order: a level's position is its id. The order is part of saved models and of seeded
/// results, so each kind of column keeps its own rule, one named constructor each: the condition column's classes are
/// <see cref="Sorted"/> (ordinal), a categorical column's levels are in the order they were <see cref="FirstSeen"/>.
/// Immutable: reading a table collects unseen levels in a <see cref="LevelsRead"/> of its own.
/// </summary>
internal sealed class CategoryVocabulary
{
    private readonly string[] _levels;
    private readonly Dictionary<string, int> _ids;

    private CategoryVocabulary(CategoryText text, string[] levels)
    {
        Text = text;
        _levels = levels;
        _ids = new Dictionary<string, int>(levels.Length, StringComparer.Ordinal);
        for (var i = 0; i < levels.Length; i++)
            if (!_ids.TryAdd(levels[i], i)) throw new InvalidDataException($"The saved levels name '{levels[i]}' twice.");
    }

    /// <summary>How values are read from and written to the column's type (Text, Boolean, integer, key with its key values).</summary>
    public CategoryText Text { get; }

    public DataViewType Type => Text.Type;

    public IReadOnlyList<string> Levels => _levels;

    public int Count => _levels.Length;

    /// <summary>The distinct values, in ordinal order of their text form (the condition column's classes).</summary>
    public static CategoryVocabulary Sorted(CategoryText text, IEnumerable<string> values) =>
        new(text, values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());

    /// <summary>The levels in the order given, which is the order a read first met them (a categorical column's levels).</summary>
    public static CategoryVocabulary FirstSeen(CategoryText text, IEnumerable<string> levels) => new(text, levels.ToArray());

    /// <summary>The levels in the order a saved model stored them.</summary>
    public static CategoryVocabulary Stored(CategoryText text, IEnumerable<string> levels) => new(text, levels.ToArray());

    /// <summary>The level's id, also for "true" or "TRUE" in a Boolean column (whose levels are "True" and "False").</summary>
    public bool TryIdOf(string value, out int id)
    {
        if (_ids.TryGetValue(value, out id)) return true;
        return Type is BooleanDataViewType && bool.TryParse(value, out var flag)
            && _ids.TryGetValue(flag.ToString(CultureInfo.InvariantCulture), out id);
    }

    public int IdOf(string value) =>
        TryIdOf(value, out var id) ? id : throw new ArgumentException($"Value '{value}' is not in the vocabulary of {Levels.Count} levels.", nameof(value));

    /// <summary>The first <paramref name="shown"/> levels quoted, for error messages.</summary>
    public string Describe(int shown = 20) =>
        string.Join(", ", _levels.Take(shown).Select(l => $"'{l}'")) + (_levels.Length > shown ? $", … ({_levels.Length} in all)" : "");

    /// <summary>Writes the levels as a count and the strings (a categorical column's layout).</summary>
    public void SaveLevels(BinaryWriter writer)
    {
        writer.Write(_levels.Length);
        foreach (var level in _levels) writer.Write(level);
    }

    /// <summary>Reads what <see cref="SaveLevels"/> wrote.</summary>
    public static CategoryVocabulary LoadLevels(BinaryReader reader, CategoryText text)
    {
        var levels = new string[reader.ReadCount("number of levels", ModelLimits.MaxCategoryLevels, bytesPerItem: 1)];
        for (var i = 0; i < levels.Length; i++) levels[i] = reader.ReadBoundedString("level");
        return Stored(text, levels);
    }

    /// <summary>Adds a column of the levels with these ids (null = missing) in the column's type.</summary>
    public void AddColumn(ArrayDataViewBuilder builder, string name, IEnumerable<int?> ids) =>
        Text.AddColumn(builder, name, ids.Select(id => id is { } i ? _levels[i] : null).ToArray());
}
