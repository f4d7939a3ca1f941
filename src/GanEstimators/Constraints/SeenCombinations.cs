using GanEstimators.Encoding;
using GanEstimators.Serialization;

namespace GanEstimators.Constraints;

/// <summary>
/// The distinct combinations of values that categorical columns (features, and the condition column as column −1)
/// took together in the training rows, with how many rows had each. Values are the encoders' level ids (the condition
/// column's class indices; −1 for a missing value), so they stay valid for as long as the encoders do.
/// </summary>
internal sealed class SeenCombinations
{
    public const int ConditionColumn = -1;
    public const int Missing = -1;

    private readonly int[][] _tuples;
    private readonly int[] _counts;
    private readonly HashSet<int[]> _keys;

    private SeenCombinations(int[] columns, int[][] tuples, int[] counts)
    {
        Columns = columns;
        _tuples = tuples;
        _counts = counts;
        _keys = tuples.ToHashSet(TupleComparer.Instance);
    }

    /// <summary>The encoder index of each position of a combination (<see cref="ConditionColumn"/> for the condition column).</summary>
    public IReadOnlyList<int> Columns { get; }

    public int Count => _tuples.Length;

    /// <summary>Each combination with the number of training rows that had it.</summary>
    public IEnumerable<(int[] Tuple, int Count)> Tuples => _tuples.Select((t, i) => (t, _counts[i]));

    /// <summary>
    /// The combinations of <paramref name="columns"/> in <paramref name="table"/>, or null when there are more than
    /// <paramref name="maxValues"/> values in all (combinations × columns).
    /// </summary>
    public static SeenCombinations? Collect(TrainingTable table, TableEncoder features, ConditionEncoder? condition, int[] columns, long maxValues)
    {
        var counts = new Dictionary<int[], int>(TupleComparer.Instance);
        var order = new List<int[]>();
        var classes = new Dictionary<string, int>();
        var offsets = columns.Select(c => c == ConditionColumn ? -1 : features.RawOffsetOf(c)).ToArray();
        // A level id the encoder does not have (a new level, when training resumes on a pooled column) is never
        // generated, and a saved model could not name it: its rows are not recorded.
        var levels = columns.Select(c => LevelCountOf(c, features, condition) ?? int.MaxValue).ToArray();
        var tuple = new int[columns.Length];
        for (var r = 0; r < table.Rows; r++)
        {
            var known = true;
            for (var i = 0; i < columns.Length; i++)
            {
                tuple[i] = offsets[i] < 0
                    ? ClassOf(table.Conditions![r], condition!, classes)
                    : IdOf(table.Raw[r * features.RawWidth + offsets[i]]);
                known &= tuple[i] < levels[i];
            }
            if (!known) continue;
            if (counts.TryGetValue(tuple, out var count))
            {
                counts[tuple] = count + 1;
                continue;
            }
            if ((long)(counts.Count + 1) * columns.Length > maxValues) return null;
            var kept = (int[])tuple.Clone();
            counts[kept] = 1;
            order.Add(kept);
        }
        return new SeenCombinations(columns, order.ToArray(), order.Select(t => counts[t]).ToArray());
    }

    /// <summary>How many ids <paramref name="column"/> of a model can take; null when it is not a categorical column of it.</summary>
    public static int? LevelCountOf(int column, TableEncoder features, ConditionEncoder? condition) =>
        column == ConditionColumn ? condition?.Count
        : column >= 0 && column < features.Columns.Count && features.Columns[column] is CategoricalEncoder categorical ? categorical.LevelCount : null;

    /// <summary>The text of value <paramref name="id"/> of <paramref name="column"/>, for messages.</summary>
    public static string TextOf(int column, int id, TableEncoder features, ConditionEncoder? condition) =>
        id == Missing ? "(missing)"
        : column == ConditionColumn ? condition!.ClassNames[id]
        : ((CategoricalEncoder)features.Columns[column]).LevelName(id) ?? "(missing)";

    public static int IdOf(float raw) => float.IsNaN(raw) ? Missing : (int)raw;

    public static float RawOf(int id) => id == Missing ? float.NaN : id;

    public bool Contains(int[] tuple) => _keys.Contains(tuple);

    /// <summary>Whether some seen combination has every given (position, id).</summary>
    public bool AnyMatches(IReadOnlyList<(int Position, int Id)> fixedValues) =>
        _tuples.Any(t => Matches(t, fixedValues));

    /// <summary>
    /// A seen combination with every <paramref name="fixedValues"/> and, when one has it, <paramref name="preferred"/>
    /// too, drawn by training frequency; null when none has the fixed values.
    /// </summary>
    public int[]? Draw(IReadOnlyList<(int Position, int Id)> fixedValues, (int Position, int Id)? preferred, Random random)
    {
        var candidates = Enumerable.Range(0, _tuples.Length).Where(i => Matches(_tuples[i], fixedValues)).ToArray();
        if (preferred is { } p && candidates.Where(i => _tuples[i][p.Position] == p.Id).ToArray() is { Length: > 0 } narrower) candidates = narrower;
        if (candidates.Length == 0) return null;
        var total = candidates.Sum(i => (long)_counts[i]);
        var pick = (long)(random.NextDouble() * total);
        foreach (var i in candidates)
        {
            pick -= _counts[i];
            if (pick < 0) return _tuples[i];
        }
        return _tuples[candidates[^1]];
    }

    public void Save(BinaryWriter writer)
    {
        writer.Write(Columns.Count);
        foreach (var column in Columns) writer.Write(column);
        writer.Write(_tuples.Length);
        for (var i = 0; i < _tuples.Length; i++)
        {
            foreach (var id in _tuples[i]) writer.Write(id);
            writer.Write(_counts[i]);
        }
    }

    /// <summary>Reads combinations saved by <see cref="Save"/>; <paramref name="levelCounts"/> gives the number of ids each column of the model has (its encoder's levels, or the condition's classes; null for no such column).</summary>
    public static SeenCombinations Load(BinaryReader reader, string what, Func<int, int?> levelCounts)
    {
        var width = reader.ReadCount($"number of columns of {what}", ModelLimits.MaxColumns, sizeof(int), min: 1);
        var columns = new int[width];
        var sizes = new int[width];
        for (var i = 0; i < width; i++)
        {
            columns[i] = reader.ReadInt32();
            sizes[i] = levelCounts(columns[i]) ?? throw new InvalidDataException($"The saved {what} names column {columns[i]}, which is not a categorical column of the model.");
        }
        var count = reader.ReadCount($"number of {what}", MaxSavedValues / width, (width + 1) * sizeof(int));
        var tuples = new int[count][];
        var counts = new int[count];
        for (var t = 0; t < count; t++)
        {
            tuples[t] = new int[width];
            for (var i = 0; i < width; i++) tuples[t][i] = reader.ReadInt32InRange($"value of {what}", Missing, sizes[i] - 1);
            counts[t] = reader.ReadInt32InRange($"row count of {what}", 1, int.MaxValue);
        }
        return new SeenCombinations(columns, tuples, counts);
    }

    /// <summary>The most values (combinations × columns) a model records.</summary>
    public const int MaxSavedValues = 1 << 22;

    private static bool Matches(int[] tuple, IReadOnlyList<(int Position, int Id)> fixedValues)
    {
        foreach (var (position, id) in fixedValues)
            if (tuple[position] != id) return false;
        return true;
    }

    private static int ClassOf(string value, ConditionEncoder condition, Dictionary<string, int> classes)
    {
        if (!classes.TryGetValue(value, out var index)) classes[value] = index = condition.IndexOf(value);
        return index;
    }

    private sealed class TupleComparer : IEqualityComparer<int[]>
    {
        public static readonly TupleComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] tuple)
        {
            var hash = new HashCode();
            foreach (var id in tuple) hash.Add(id);
            return hash.ToHashCode();
        }
    }
}
