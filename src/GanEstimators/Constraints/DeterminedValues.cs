using GanEstimators.Encoding;
using GanEstimators.Serialization;

namespace GanEstimators.Constraints;

/// <summary>
/// Numeric columns whose value the training rows fix by one or two categorical columns: flights' distance by origin
/// and destination (every one of 2,879 routes has one distance). The generator makes such a number beside its
/// categories, not from them, so it rarely matches: 0.3 % of flights-20k's generated rows had their route's distance,
/// off by a median 323 miles, and a detection classifier saw it at once. Found at training, saved with the model
/// (format 0x0001000C), and written into each generated row whose categories the training rows had
/// (<see cref="GanSampler.KeepDeterminedValues"/>).
/// </summary>
internal sealed class DeterminedValues
{
    /// <summary>
    /// A column is determined only where, by Good–Turing, a new row's combination of the determining columns is almost
    /// surely a seen one: at most this share of its rows have a combination seen once.
    /// </summary>
    public const double MaxUnseenShare = 0.05;

    /// <summary>
    /// Training rows read to find the rules (and <see cref="DeterminedSums"/>'); a larger table is read at an even
    /// stride. Each rule found is then checked, and filled, over every row.
    /// </summary>
    public const int SearchRows = 200_000;

    // The most values one rule keeps (in the model, 8 bytes a value for one determining column, 12 for two).
    private const int MaxValuesPerRule = 1 << 17;

    private readonly Rule[] _rules;

    private DeterminedValues(Rule[] rules) => _rules = rules;

    /// <summary>The determined columns, for the log: "distance by origin × destination (2,879 values)".</summary>
    public IReadOnlyList<string> Describe(TableEncoder features) =>
        _rules.Select(r => $"{features.Columns[r.Column].Name} by {string.Join(" × ", r.By.Select(c => features.Columns[c].Name))} ({r.Values.Count:N0} values)").ToArray();

    /// <param name="Column">The determined numeric column (encoder index).</param>
    /// <param name="By">The one or two categorical columns (encoder indices) whose level ids fix it.</param>
    /// <param name="Values">The value of each combination of level ids seen in training.</param>
    private sealed record Rule(int Column, int[] By, Dictionary<(int, int), float> Values);

    /// <summary>
    /// The rules the training rows show, or null when there are none. A numeric column a constraint names
    /// (<paramref name="constrained"/>) gets no rule: its raw values may be reparameterised (an inequality's high column
    /// is read as a difference). The values are written after the constraints, so a row whose categories a fixed
    /// combination repaired gets its new categories' value.
    /// </summary>
    public static DeterminedValues? Find(TrainingTable table, TableEncoder features, IReadOnlySet<string> constrained)
    {
        var categorical = Enumerable.Range(0, features.Columns.Count).Where(c => features.Columns[c] is CategoricalEncoder).ToArray();
        var numeric = Numbers(features, constrained);
        if (categorical.Length == 0 || numeric.Length == 0) return null;
        var stride = Math.Max(1, table.Rows / SearchRows);
        var singles = categorical.Select(c => new[] { c }).ToArray();
        var pairs = categorical.SelectMany((a, i) => categorical.Skip(i + 1).Select(b => new[] { a, b })).ToArray();
        var rules = new List<Rule>();
        foreach (var column in numeric)
        {
            // The fewest determining columns, then the fewest values: the simplest rule the rows show. A pair is tried
            // only where no column alone fixes the number.
            var found = Simplest(table, features, column, singles, stride) ?? Simplest(table, features, column, pairs, stride);
            if (found is not null) rules.Add(found);
        }
        return rules.Count == 0 ? null : new DeterminedValues(rules.ToArray());
    }

    /// <summary>The columns the rules fix.</summary>
    public IEnumerable<int> Columns => _rules.Select(r => r.Column);

    /// <summary>A scalar numeric column: one raw value a row (not a vector, not an image).</summary>
    public static bool IsNumber(ColumnEncoder column) => column is NumericColumnEncoder { RawWidth: 1 } and not ImagePixelEncoder;

    /// <summary>The scalar numeric columns that no constraint names (their raw values are not reparameterised).</summary>
    public static int[] Numbers(TableEncoder features, IReadOnlySet<string> constrained) =>
        Enumerable.Range(0, features.Columns.Count).Where(c => IsNumber(features.Columns[c]) && !constrained.Contains(features.Columns[c].Name)).ToArray();

    // A rule found on the stride's rows is built again over every row (which may still refute it); at stride 1 once is enough.
    private static Rule? Simplest(TrainingTable table, TableEncoder features, int column, int[][] determiners, int stride) =>
        determiners.Select(by => Build(table, features, column, by, stride))
            .OfType<Rule>()
            .Select(rule => stride == 1 ? rule : Build(table, features, column, rule.By, 1))
            .OfType<Rule>()
            .MinBy(rule => rule.Values.Count);

    // The rule over every stride-th row, or null where the rows do not show it: a combination with two values, more
    // than MaxUnseenShare of the rows in combinations seen once, fewer than half the rows with a value and all their
    // categories, a single value in all, or more values than a rule keeps.
    private static Rule? Build(TrainingTable table, TableEncoder features, int column, int[] by, int stride)
    {
        var width = features.RawWidth;
        var valueAt = features.RawOffsetOf(column);
        var keyAt = by.Select(features.RawOffsetOf).ToArray();
        // A level id the encoder does not have (a new level, when training resumes on a pooled column) is never
        // generated, and a saved model could not name it: such rows count as not covered.
        var levels = by.Select(c => ((CategoricalEncoder)features.Columns[c]).LevelCount).ToArray();
        var values = new Dictionary<(int, int), (float Value, int Rows)>();
        var toRead = (table.Rows + stride - 1) / stride;
        var (read, covered) = (0, 0);
        for (var r = 0; r < table.Rows; r += stride)
        {
            read++;
            var row = table.Raw.AsSpan(r * width, width);
            var value = row[valueAt];
            if (float.IsNaN(value) || !Known(row[keyAt[0]], levels[0]) || (keyAt.Length > 1 && !Known(row[keyAt[1]], levels[1])))
            {
                if ((read - covered) * 2 > toRead) return null;
                continue;
            }
            covered++;
            var key = ((int)row[keyAt[0]], keyAt.Length > 1 ? (int)row[keyAt[1]] : 0);
            if (values.TryGetValue(key, out var seen))
            {
                if (seen.Value != value) return null;
                values[key] = (value, seen.Rows + 1);
            }
            else
            {
                if (values.Count == MaxValuesPerRule) return null;
                values[key] = (value, 1);
            }
        }
        if (covered * 2 < read || values.Values.Count(v => v.Rows == 1) > MaxUnseenShare * covered) return null;
        if (values.Values.Select(v => v.Value).Distinct().Count() < 2) return null;
        return new Rule(column, by, values.ToDictionary(v => v.Key, v => v.Value.Value));
    }

    private static bool Known(float id, int levels) => !float.IsNaN(id) && id < levels;

    /// <summary>
    /// Writes each rule's value into the <paramref name="rows"/> decoded rows (row-major, <paramref name="features"/>'
    /// raw width) whose determining categories have one, unless the generator left the number missing.
    /// </summary>
    public void Apply(Span<float> raw, int rows, TableEncoder features)
    {
        var width = features.RawWidth;
        foreach (var rule in _rules)
        {
            var valueAt = features.RawOffsetOf(rule.Column);
            var keyAt = rule.By.Select(features.RawOffsetOf).ToArray();
            for (var r = 0; r < rows; r++)
            {
                var row = raw.Slice(r * width, width);
                if (float.IsNaN(row[valueAt]) || float.IsNaN(row[keyAt[0]]) || (keyAt.Length > 1 && float.IsNaN(row[keyAt[1]]))) continue;
                if (rule.Values.TryGetValue(((int)row[keyAt[0]], keyAt.Length > 1 ? (int)row[keyAt[1]] : 0), out var value)) row[valueAt] = value;
            }
        }
    }

    public void Save(BinaryWriter writer)
    {
        writer.Write(_rules.Length);
        foreach (var rule in _rules)
        {
            writer.Write(rule.Column);
            writer.Write(rule.By.Length);
            foreach (var column in rule.By) writer.Write(column);
            writer.Write(rule.Values.Count);
            foreach (var ((first, second), value) in rule.Values)
            {
                writer.Write(first);
                if (rule.By.Length > 1) writer.Write(second);
                writer.Write(value);
            }
        }
    }

    /// <summary>Reads rules saved by <see cref="Save"/>, checking every column index, level id and value against the model's encoders.</summary>
    public static DeterminedValues Load(BinaryReader reader, TableEncoder features)
    {
        const string what = "determined values";
        var count = reader.ReadCount($"number of rules of {what}", features.Columns.Count, 4 * sizeof(int), min: 1);
        var rules = new Rule[count];
        for (var i = 0; i < count; i++)
        {
            var column = reader.ReadInt32InRange($"column of {what}", 0, features.Columns.Count - 1);
            if (!IsNumber(features.Columns[column]))
                throw new InvalidDataException($"The saved {what} name column {column} ('{features.Columns[column].Name}'), which is not a scalar numeric column of the model.");
            if (rules.Take(i).Any(r => r.Column == column))
                throw new InvalidDataException($"The saved {what} hold two rules for column {column} ('{features.Columns[column].Name}').");
            var by = new int[reader.ReadInt32InRange($"number of determining columns of {what}", 1, 2)];
            var levels = new int[by.Length];
            for (var b = 0; b < by.Length; b++)
            {
                by[b] = reader.ReadInt32InRange($"determining column of {what}", 0, features.Columns.Count - 1);
                levels[b] = features.Columns[by[b]] is CategoricalEncoder categorical ? categorical.LevelCount
                    : throw new InvalidDataException($"The saved {what} name column {by[b]} ('{features.Columns[by[b]].Name}') as determining, which is not a categorical column of the model.");
            }
            if (by.Length == 2 && by[0] == by[1])
                throw new InvalidDataException($"The saved {what} name column {by[0]} ('{features.Columns[by[0]].Name}') twice as determining.");
            var size = reader.ReadCount($"number of {what}", MaxValuesPerRule, (by.Length + 1) * sizeof(int), min: 1);
            var values = new Dictionary<(int, int), float>(size);
            for (var v = 0; v < size; v++)
            {
                var first = reader.ReadInt32InRange($"level id of {what}", 0, levels[0] - 1);
                var second = by.Length > 1 ? reader.ReadInt32InRange($"level id of {what}", 0, levels[1] - 1) : 0;
                if (!values.TryAdd((first, second), reader.ReadFiniteSingle($"value of {what}")))
                    throw new InvalidDataException($"The saved {what} hold the combination ({first}, {second}) twice.");
            }
            rules[i] = new Rule(column, by, values);
        }
        return new DeterminedValues(rules);
    }
}
