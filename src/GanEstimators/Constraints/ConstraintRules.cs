using GanEstimators.Conditioning;
using GanEstimators.Encoding;
using GanEstimators.Serialization;

namespace GanEstimators.Constraints;

/// <summary>
/// A model's constraints bound to its encoders: applied to every batch of decoded rows (raw values, row-major) so each
/// row follows them, and saved with the model. Rules run in the order <see cref="ConstraintColumns"/> gave them.
/// </summary>
internal sealed class ConstraintRules
{
    private readonly Rule[] _rules;

    private ConstraintRules(Rule[] rules) => _rules = rules;

    /// <summary>The constraints, in the order they are applied.</summary>
    public IReadOnlyList<GanConstraint> Constraints => _rules.Select(r => r.Constraint).ToArray();

    /// <summary>Binds checked, ordered constraints to the fitted encoders, with each fixed combination's seen values and each unique column's training maximum.</summary>
    public static ConstraintRules Bind(IReadOnlyList<GanConstraint> ordered, TableEncoder features, ConditionEncoder? condition,
        Func<GanConstraint, int[], SeenCombinations> seen, IReadOnlyDictionary<string, double> uniqueLargest) =>
        new(ordered.Select(c => Rule.Bind(c, features, condition, seen, name => uniqueLargest[name] is var largest && double.IsNaN(largest) ? 1 : Math.Floor(largest) + 1)).ToArray());

    /// <summary>
    /// Makes rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="rows"/>) of a request's batch,
    /// held in <paramref name="chunk"/>, follow every rule; returns per fixed-combination rule how many rows took a seen combination.
    /// </summary>
    public int[] Apply(Span<float> chunk, int rows, int rawWidth, GenerationRequest request, int start, Random random)
    {
        var repaired = new int[_rules.Length];
        for (var i = 0; i < _rules.Length; i++) repaired[i] = _rules[i].Apply(chunk, rows, rawWidth, request, start, random);
        return repaired;
    }

    /// <summary>A note for the log on the rows a sample's fixed-combination rules changed, or null when none did.</summary>
    public string? RepairNote(int[] repaired, long rows) =>
        repaired.Any(r => r > 0)
            ? string.Join(" ", _rules.Select((r, i) => (r, repaired[i])).Where(p => p.Item2 > 0)
                .Select(p => $"Constraint '{p.r.Constraint}': {p.Item2} of {rows} generated rows had a combination never seen in training and took a seen one."))
            : null;

    /// <summary>The first fixed-combination rule that no row can follow with <paramref name="conditions"/> fixed, as an error message; else null.</summary>
    public string? Conflict(SampleConditions conditions, Func<int, int, string> describe) =>
        _rules.OfType<FixedRule>().Select(r => r.Conflict(conditions, describe)).FirstOrDefault(m => m is not null);

    /// <summary>Why a unique column cannot number rows up to <paramref name="lastRow"/> of a sample, as an error message; else null.</summary>
    public string? NumberingLimit(long lastRow) =>
        _rules.OfType<UniqueRule>().Select(r => r.Limit(lastRow)).FirstOrDefault(m => m is not null);

    public void Save(BinaryWriter writer)
    {
        writer.Write(_rules.Length);
        foreach (var rule in _rules)
        {
            writer.Write((int)rule.Constraint.Kind);
            writer.Write(rule.Constraint.ColumnNames.Count);
            foreach (var name in rule.Constraint.ColumnNames) writer.Write(name);
            writer.Write(rule.Constraint.Low);
            writer.Write(rule.Constraint.High);
            rule.SaveState(writer);
        }
    }

    public static ConstraintRules Load(BinaryReader reader, TableEncoder features, ConditionEncoder? condition)
    {
        var count = reader.ReadCount("number of constraints", ModelLimits.MaxColumns, 3 * sizeof(int));
        var rules = new Rule[count];
        for (var i = 0; i < count; i++)
        {
            var kind = reader.ReadEnum<GanConstraintKind>("constraint kind");
            var names = new string[reader.ReadCount("number of a constraint's columns", ModelLimits.MaxColumns, 1, min: 1)];
            for (var n = 0; n < names.Length; n++) names[n] = reader.ReadBoundedString("constraint column name");
            var (low, high) = (reader.ReadDouble(), reader.ReadDouble());
            GanConstraint constraint;
            try
            {
                constraint = GanConstraint.Create(kind, names, low, high);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"The saved constraint {i} is invalid: {e.Message}", e);
            }
            rules[i] = Rule.Load(constraint, reader, features, condition);
        }
        return new ConstraintRules(rules);
    }

    private abstract class Rule(GanConstraint constraint)
    {
        public GanConstraint Constraint { get; } = constraint;

        public abstract int Apply(Span<float> chunk, int rows, int rawWidth, GenerationRequest request, int start, Random random);

        public virtual void SaveState(BinaryWriter writer)
        {
        }

        public static Rule Bind(GanConstraint c, TableEncoder features, ConditionEncoder? condition, Func<GanConstraint, int[], SeenCombinations> seen, Func<string, double> uniqueStart)
        {
            switch (c.Kind)
            {
                case GanConstraintKind.Inequality:
                    var (low, high) = (Numeric(c, c.ColumnNames[0], features), Numeric(c, c.ColumnNames[1], features));
                    return new InequalityRule(c, low.Offset, high.Offset, ConstraintColumns.IsInteger(low.Encoder.Type), ConstraintColumns.IsInteger(high.Encoder.Type));
                case GanConstraintKind.ScalarRange:
                    var (offset, encoder) = Numeric(c, c.ColumnNames[0], features);
                    return new RangeRule(c, offset, ConstraintColumns.IsInteger(encoder.Type));
                case GanConstraintKind.FixedCombinations:
                    var columns = c.ColumnNames.Select(n => Categorical(c, n, features, condition)).ToArray();
                    return new FixedRule(c, columns, features, seen(c, columns));
                default:
                    var (idOffset, id) = Numeric(c, c.ColumnNames[0], features);
                    var (first, capacity) = (uniqueStart(c.ColumnNames[0]), Capacity(id.Type));
                    if (!(first >= -capacity && first <= capacity))
                        throw new ArgumentException($"Constraint '{c}': numbering would start at {first}, beyond the ±{capacity} column '{c.ColumnNames[0]}' can hold exactly (the model's raw values are floats).");
                    return new UniqueRule(c, idOffset, first, capacity);
            }
        }

        public static Rule Load(GanConstraint c, BinaryReader reader, TableEncoder features, ConditionEncoder? condition)
        {
            try
            {
                return Bind(c, features, condition,
                    (_, columns) => SeenCombinations.Load(reader, $"combinations of constraint '{c}'", column => SeenCombinations.LevelCountOf(column, features, condition)),
                    _ => reader.ReadInt32InRange($"first number of constraint '{c}'", int.MinValue, int.MaxValue));
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"The saved constraint '{c}' does not fit the model: {e.Message}", e);
            }
        }

        private static (int Offset, ColumnEncoder Encoder) Numeric(GanConstraint c, string name, TableEncoder features)
        {
            var index = features.IndexOf(name);
            if (index < 0 || features.Columns[index] is not NumericColumnEncoder { RawWidth: 1 } encoder)
                throw new ArgumentException($"Constraint '{c}' needs '{name}' to be a numeric scalar feature column of the model.");
            return (features.RawOffsetOf(index), encoder);
        }

        private static int Categorical(GanConstraint c, string name, TableEncoder features, ConditionEncoder? condition)
        {
            if (condition?.ColumnName == name) return SeenCombinations.ConditionColumn;
            var index = features.IndexOf(name);
            return index >= 0 && features.Columns[index] is CategoricalEncoder ? index
                : throw new ArgumentException($"Constraint '{c}' needs '{name}' to be a categorical feature column or the condition column of the model.");
        }

        // Raw values are floats: whole numbers are exact up to 2^24, and the column's own type may hold fewer.
        private static double Capacity(Microsoft.ML.Data.DataViewType type) =>
            Math.Min(1 << 24, ConstraintColumns.IsInteger(type) ? ConstraintColumns.IntegerRange(type.RawType).Max : double.MaxValue);
    }

    // Each column is written in its own type, integers rounded. Rounding both sides keeps the order; rounding one side
    // only can break it, so then the integer side is rounded here first: an integer low before the difference is added,
    // an integer high up to the low value where it would round below it (a Single 2.3 under an Int32 high gives 3, not 2).
    private sealed class InequalityRule(GanConstraint c, int lowOffset, int highOffset, bool integerLow, bool integerHigh) : Rule(c)
    {
        public override int Apply(Span<float> chunk, int rows, int rawWidth, GenerationRequest request, int start, Random random)
        {
            var roundOneSide = integerLow != integerHigh;
            for (var r = 0; r < rows; r++)
            {
                var row = chunk.Slice(r * rawWidth, rawWidth);
                var low = roundOneSide && integerLow ? row[lowOffset] = MathF.Round(row[lowOffset]) : row[lowOffset];
                var high = Reparameterisation.AddDifference(low, row[highOffset]);
                if (roundOneSide && integerHigh)
                {
                    high = MathF.Round(high);
                    if (high < low) high = MathF.Ceiling(low);
                }
                row[highOffset] = high;
            }
            return 0;
        }
    }

    private sealed class RangeRule : Rule
    {
        private readonly int _offset;
        private readonly bool _integer;
        private readonly float _low, _high;

        public RangeRule(GanConstraint c, int offset, bool integer) : base(c)
        {
            _offset = offset;
            _integer = integer;
            (_low, _high) = integer ? ((float)Math.Ceiling(c.Low), (float)Math.Floor(c.High)) : (Reparameterisation.InsideLow(c.Low), Reparameterisation.InsideHigh(c.High));
            if (!(_low <= _high)) throw new ArgumentException($"Constraint '{c}' holds no whole number, but column '{c.ColumnNames[0]}' is an integer column.");
        }

        public override int Apply(Span<float> chunk, int rows, int rawWidth, GenerationRequest request, int start, Random random)
        {
            for (var r = 0; r < rows; r++)
            {
                ref var value = ref chunk[r * rawWidth + _offset];
                value = _integer ? (float.IsNaN(value) ? value : Math.Clamp(value, _low, _high))
                    : Reparameterisation.FromLogit(value, Constraint.Low, Constraint.High, _low, _high);
            }
            return 0;
        }
    }

    private sealed class UniqueRule(GanConstraint c, int offset, double first, double capacity) : Rule(c)
    {
        public override int Apply(Span<float> chunk, int rows, int rawWidth, GenerationRequest request, int start, Random random)
        {
            // Samples and ranges are checked for their last row when asked for; a range's last block is generated
            // whole, so rows after the range's end may pass the limit here (they are dropped), but no chunk may start past it.
            if (Limit(request.FirstRow + start) is { } limit) throw new InvalidOperationException(limit);
            for (var r = 0; r < rows; r++) chunk[r * rawWidth + offset] = (float)(first + request.FirstRow + start + r);
            return 0;
        }

        public string? Limit(long lastRow) => first + lastRow > capacity
            ? $"Constraint '{Constraint}': numbering row {lastRow} would need the value {first + lastRow}, more than the {capacity} column '{Constraint.ColumnNames[0]}' can hold exactly; sample fewer rows."
            : null;

        public override void SaveState(BinaryWriter writer) => writer.Write((int)first);
    }

    private sealed class FixedRule : Rule
    {
        private readonly int[] _columns;
        private readonly int[] _offsets;
        private readonly TableEncoder _features;
        private readonly SeenCombinations _seen;

        public FixedRule(GanConstraint c, int[] columns, TableEncoder features, SeenCombinations seen) : base(c)
        {
            if (!seen.Columns.SequenceEqual(columns)) throw new ArgumentException($"The combinations recorded for constraint '{c}' are of other columns.");
            if (seen.Count == 0) throw new ArgumentException($"Constraint '{c}' has no combination recorded.");
            _columns = columns;
            _features = features;
            _offsets = columns.Select(i => i == SeenCombinations.ConditionColumn ? -1 : features.RawOffsetOf(i)).ToArray();
            _seen = seen;
        }

        public override void SaveState(BinaryWriter writer) => _seen.Save(writer);

        public override int Apply(Span<float> chunk, int rows, int rawWidth, GenerationRequest request, int start, Random random)
        {
            var fixedPositions = Enumerable.Range(0, _columns.Length)
                .Where(p => _columns[p] == SeenCombinations.ConditionColumn || request.FixedCategories.Any(f => f.ColumnIndex == _columns[p])).ToArray();
            var freePosition = Enumerable.Range(0, _columns.Length).Except(fixedPositions).DefaultIfEmpty(-1).First();
            var tuple = new int[_columns.Length];
            var repaired = 0;
            for (var r = 0; r < rows; r++)
            {
                var row = chunk.Slice(r * rawWidth, rawWidth);
                for (var p = 0; p < tuple.Length; p++)
                    tuple[p] = _offsets[p] < 0 ? request.ClassIndices![start + r] : SeenCombinations.IdOf(row[_offsets[p]]);
                if (_seen.Contains(tuple)) continue;
                var replacement = _seen.Draw(fixedPositions.Select(p => (p, tuple[p])).ToArray(), freePosition < 0 ? null : (freePosition, tuple[freePosition]), random)
                    ?? throw new InvalidOperationException($"Constraint '{Constraint}': no combination seen in training has the fixed values of row {request.FirstRow + start + r}.");
                for (var p = 0; p < tuple.Length; p++)
                    if (_offsets[p] >= 0) row[_offsets[p]] = SeenCombinations.RawOf(replacement[p]);
                repaired++;
            }
            return repaired;
        }

        public string? Conflict(SampleConditions conditions, Func<int, int, string> describe)
        {
            var fixedValues = new List<(int Position, int Id)>();
            for (var p = 0; p < _columns.Length; p++)
            {
                if (_columns[p] == SeenCombinations.ConditionColumn && conditions.FixedClass is { } k) fixedValues.Add((p, k));
                else if (conditions.FixedCategories.FirstOrDefault(f => f.ColumnIndex == _columns[p]) is { } category) fixedValues.Add((p, SeenCombinations.IdOf(category.RawValue)));
            }
            if (fixedValues.Count < 2 || _seen.AnyMatches(fixedValues)) return null;
            var named = string.Join(", ", fixedValues.Select(v => $"{Constraint.ColumnNames[v.Position]}={describe(_columns[v.Position], v.Id)}"));
            return $"The conditions {named} break constraint '{Constraint}': that combination never occurs in the training rows, so no row can have it.";
        }
    }
}
