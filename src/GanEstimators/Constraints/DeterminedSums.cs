using GanEstimators.Encoding;
using GanEstimators.Serialization;

namespace GanEstimators.Constraints;

/// <summary>
/// Numeric columns that are the sum of two others in every training row: birdstrikes' total cost is its other cost
/// plus its repair cost. The generator makes the three independently, so their large values do not meet (the total's
/// correlation with the repair cost was 0.004 against 0.982). Found at training, saved with the model (format
/// 0x0001000C, after <see cref="DeterminedValues"/>), and rebuilt from the generated parts in every row that has both
/// (<see cref="GanSampler.KeepDeterminedValues"/>).
/// </summary>
internal sealed class DeterminedSums
{
    // Each part must be non-zero in at least this many rows, so a column that is (almost) always zero does not make
    // every other column the "sum" of itself and it.
    private const int MinRowsWithEachPart = 20;

    // How far a total may be from the sum of its parts, relative to the total (float rounding of decimal values).
    private const double Tolerance = 1e-6;

    /// <param name="Total">The column rebuilt (encoder index).</param>
    /// <param name="First">One part.</param>
    /// <param name="Second">The other part.</param>
    private sealed record Rule(int Total, int First, int Second);

    private readonly Rule[] _rules;

    private DeterminedSums(Rule[] rules) => _rules = rules;

    /// <summary>The columns rebuilt (encoder indices).</summary>
    public IEnumerable<int> Columns => _rules.Select(r => r.Total);

    /// <summary>The sums, for the log: "Cost Total $ = Cost Other + Cost Repair".</summary>
    public IReadOnlyList<string> Describe(TableEncoder features) =>
        _rules.Select(r => $"{features.Columns[r.Total].Name} = {features.Columns[r.First].Name} + {features.Columns[r.Second].Name}").ToArray();

    /// <summary>
    /// The sums the training rows show among the scalar numeric columns no constraint names (a total is never a column
    /// <paramref name="byCategories"/> fixes), or null when there are none: a column equal to the sum of two others in every row that has
    /// all three, at least half the rows having all three, each part non-zero in at least 20 rows. A column is rebuilt
    /// from one pair of parts at most, and a part is never itself rebuilt.
    /// </summary>
    public static DeterminedSums? Find(TrainingTable table, TableEncoder features, IReadOnlySet<string> constrained, DeterminedValues? byCategories)
    {
        var numbers = DeterminedValues.Numbers(features, constrained);
        var fixedByCategories = byCategories?.Columns.ToHashSet() ?? new HashSet<int>();
        var stride = Math.Max(1, table.Rows / DeterminedValues.SearchRows);
        var rules = new List<Rule>();
        foreach (var total in numbers)
            foreach (var (first, i) in numbers.Select((c, i) => (c, i)))
                foreach (var second in numbers.Skip(i + 1))
                {
                    if (total == first || total == second || fixedByCategories.Contains(total) || rules.Any(r => r.Total == total || r.Total == first || r.Total == second || r.First == total || r.Second == total)) continue;
                    var rule = new Rule(total, first, second);
                    if (Holds(table, features, rule, stride) && (stride == 1 || Holds(table, features, rule, 1))) rules.Add(rule);
                }
        return rules.Count == 0 ? null : new DeterminedSums(rules.ToArray());
    }

    private static bool Holds(TrainingTable table, TableEncoder features, Rule rule, int stride)
    {
        var width = features.RawWidth;
        var (totalAt, firstAt, secondAt) = (features.RawOffsetOf(rule.Total), features.RawOffsetOf(rule.First), features.RawOffsetOf(rule.Second));
        var toRead = (table.Rows + stride - 1) / stride;
        var (read, covered, firstNonZero, secondNonZero) = (0, 0, 0, 0);
        for (var r = 0; r < table.Rows; r += stride)
        {
            read++;
            var row = table.Raw.AsSpan(r * width, width);
            var (total, first, second) = (row[totalAt], row[firstAt], row[secondAt]);
            if (float.IsNaN(total) || float.IsNaN(first) || float.IsNaN(second))
            {
                if ((read - covered) * 2 > toRead) return false;
                continue;
            }
            covered++;
            if (Math.Abs(total - ((double)first + second)) > Tolerance * Math.Max(1, Math.Abs(total))) return false;
            if (first != 0) firstNonZero++;
            if (second != 0) secondNonZero++;
        }
        return covered * 2 >= read && firstNonZero >= MinRowsWithEachPart && secondNonZero >= MinRowsWithEachPart;
    }

    /// <summary>Rebuilds each sum in the <paramref name="rows"/> decoded rows whose parts are both there; a missing part leaves the total as generated.</summary>
    public void Apply(Span<float> raw, int rows, TableEncoder features)
    {
        var width = features.RawWidth;
        foreach (var rule in _rules)
        {
            var (totalAt, firstAt, secondAt) = (features.RawOffsetOf(rule.Total), features.RawOffsetOf(rule.First), features.RawOffsetOf(rule.Second));
            for (var r = 0; r < rows; r++)
            {
                var row = raw.Slice(r * width, width);
                if (float.IsNaN(row[totalAt]) || float.IsNaN(row[firstAt]) || float.IsNaN(row[secondAt])) continue;
                row[totalAt] = row[firstAt] + row[secondAt];
            }
        }
    }

    public void Save(BinaryWriter writer)
    {
        writer.Write(_rules.Length);
        foreach (var rule in _rules)
        {
            writer.Write(rule.Total);
            writer.Write(rule.First);
            writer.Write(rule.Second);
        }
    }

    /// <summary>Reads sums saved by <see cref="Save"/>, checking that every column is a scalar numeric column of the model and no total is also a part or another sum's total.</summary>
    public static DeterminedSums Load(BinaryReader reader, TableEncoder features)
    {
        const string what = "determined sums";
        var count = reader.ReadCount($"number of {what}", features.Columns.Count, 3 * sizeof(int), min: 1);
        var rules = new Rule[count];
        for (var i = 0; i < count; i++)
        {
            int Column(string role)
            {
                var column = reader.ReadInt32InRange($"{role} column of {what}", 0, features.Columns.Count - 1);
                return DeterminedValues.IsNumber(features.Columns[column]) ? column
                    : throw new InvalidDataException($"The saved {what} name column {column} ('{features.Columns[column].Name}') as a {role}, which is not a scalar numeric column of the model.");
            }
            var rule = new Rule(Column("total"), Column("part"), Column("part"));
            var used = rules.Take(i).SelectMany(r => new[] { r.Total, r.First, r.Second }).ToHashSet();
            if (rule.Total == rule.First || rule.Total == rule.Second || rule.First == rule.Second || used.Contains(rule.Total) || rules.Take(i).Any(r => r.Total == rule.First || r.Total == rule.Second))
                throw new InvalidDataException($"The saved {what} use column {rule.Total} ('{features.Columns[rule.Total].Name}') in two roles.");
            rules[i] = rule;
        }
        return new DeterminedSums(rules);
    }
}
