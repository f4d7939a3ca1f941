using GanEstimators.Conditioning;
using GanEstimators.Constraints;
using GanEstimators.Encoding;
using static TorchSharp.torch;

namespace GanEstimators.Sampling;

/// <summary>
/// <see cref="GanSampler.KeepSeenPairs"/>: the pairs of categorical columns (the condition column included) whose
/// training rows show, by Good–Turing's estimate, all but a few per cent of the combinations the data can take, where
/// those are far fewer than independent columns would take (flights' origin and destination: 2,879 routes among 47,960
/// airport pairs; Good–Turing puts a new row's route among the unseen ones with probability 0.031). For those pairs a
/// category is drawn among the slots that occur in training with the values already known in its row — the condition,
/// or a category drawn before it — so the generator's preferences are kept but no combination is invented. Which
/// pairs act on a column: see <see cref="For"/>. Associated pairs too sparse to keep are linked instead
/// (<see cref="MinLinkedAssociation"/>): they forbid nothing, and act only through the tables
/// <see cref="CategoryCalibration"/> fits for them. Derived from the model's recorded combinations
/// (<see cref="SyntheticRowGenerator.Combinations"/>), so models saved before this existed get it too.
/// </summary>
internal sealed class SeenPairs : IDisposable
{
    /// <summary>
    /// A pair is kept to its seen combinations when the share of training rows whose combination occurs once (Good–Turing's
    /// estimate of the probability that a new row's combination is unseen) is at most this.
    /// </summary>
    public const double MaxUnseenShare = 0.05;

    /// <summary>
    /// ... and when the combinations never seen would hold at least this share of the rows if the two columns were
    /// independent: the missing combinations are then the data's structure (a city is in one country), not chance, and
    /// a pair that merely lacks a few rare combinations is left alone.
    /// </summary>
    public const double MinIndependentUnseenShare = 0.1;

    // Added to an unseen slot's logit: far below any logit, so unseen slots are drawn only where every slot is unseen
    // (then the penalties cancel and the generator's own preferences decide).
    private const float UnseenPenalty = -1e4f;

    // How far below its row's largest logit a penalised logit is raised again. Without it the draw's exp(logit − max)
    // underflows through subnormal floats, which made sampling flights-20k 15 % slower; e^−80 ≈ 1.8e−35 is still a
    // normal float, and 220 slots of it are drawn about once in 10^32 rows.
    private const float LowestBelowLargest = 80f;

    /// <summary>
    /// Two categorical columns at least this associated (bias-corrected Cramér's V) and not kept are linked:
    /// <see cref="CategoryCalibration"/> fits their shares too, without forbidding any combination. On birdstrikes
    /// (BENCHMARKS.md, "Linked pairs") 0.25 links the airport, aircraft model, operator and state (0.29-0.37), 0.20 also
    /// the wildlife and the damage (0.20-0.23), and 0.15 more; against the held-out rows 0.20 and 0.15 score the same
    /// and 0.25 less. On seattle-weather, penguins and flights-20k no pair left free is this associated.
    /// </summary>
    public const double MinLinkedAssociation = 0.20;

    /// <summary>
    /// A linked pair's training shares are (rows with both + this × the drawn value's frequency) / (rows with the known
    /// value + this): one pseudo-row spread by frequency, so unseen combinations keep a small share.
    /// </summary>
    public const double LinkedPrior = 1;

    // The most cells (slots × slots) one pair's table may have.
    private const long MaxCells = 1 << 22;

    private readonly Pair[] _pairs;

    private SeenPairs(Pair[] pairs, int columns, ConditionalVector categories)
    {
        _pairs = pairs;
        ColumnCount = columns;
        Categories = categories;
    }

    /// <summary>Categorical columns (in conditional-vector order) and, last, the condition column.</summary>
    public int ColumnCount { get; }

    public int LabelColumn => ColumnCount - 1;

    public ConditionalVector Categories { get; }

    /// <summary>The pairs kept to their seen combinations, by column name, for the log.</summary>
    public IReadOnlyList<string> Describe(TableEncoder features, ConditionEncoder? condition)
    {
        var name = Names(features, condition);
        // A pair acts in every row when some kept direction has its known column drawn first (or the condition column);
        // otherwise only in rows whose condition fixes its later column.
        return _pairs.Where(p => !p.Linked).GroupBy(Columns)
            .Select(g => (First: g.Key.Item1, Second: g.Key.Item2, g.First().SeenShare, Always: g.Any(p => p.Known == LabelColumn || p.Known < p.Drawn)))
            .Select(p => p.First == LabelColumn || p.Second == LabelColumn
                ? $"{name(LabelColumn)} × {name(p.First == LabelColumn ? p.Second : p.First)} ({p.SeenShare:P1} of combinations seen)"
                : $"{name(p.First)} × {name(p.Second)} ({p.SeenShare:P1} of combinations seen{(p.Always ? "" : $"; where {name(p.Second)} is a condition")})").ToArray();
    }

    /// <summary>The linked pairs (<see cref="MinLinkedAssociation"/>), by column name, for the log.</summary>
    public IReadOnlyList<string> DescribeLinked(TableEncoder features, ConditionEncoder? condition)
    {
        var name = Names(features, condition);
        // A pair can be kept one way (in the rows conditioned on its later column) and linked the other.
        string AlsoKept((int, int) columns) =>
            _pairs.FirstOrDefault(p => !p.Linked && Columns(p) == columns) is { } kept ? $"; kept where {name(kept.Known)} is a condition" : "";
        return _pairs.Where(p => p.Linked).GroupBy(Columns)
            .Select(g => $"{name(g.Key.Item1)} × {name(g.Key.Item2)} (association {g.First().Strength:F2}{AlsoKept(g.Key)})").ToArray();
    }

    // A column's name for the log, by its index here (the condition column last).
    private Func<int, string> Names(TableEncoder features, ConditionEncoder? condition)
    {
        var categorical = CategoricalColumns(features);
        return c => c == LabelColumn ? condition!.ColumnName : features.Columns[categorical[c]].Name;
    }

    // The pair's two columns, lower index first: both directions of a pair share it.
    private static (int, int) Columns(Pair pair) => (Math.Min(pair.Known, pair.Drawn), Math.Max(pair.Known, pair.Drawn));

    /// <summary>
    /// The pairs of <paramref name="seen"/>'s columns to keep to their combinations and to link, or null when there are
    /// none (or the model recorded no combinations).
    /// </summary>
    public static SeenPairs? For(SeenCombinations? seen, TableEncoder features, ConditionEncoder? condition, ConditionalVector categories, Device device)
    {
        if (seen is null) return null;
        var categorical = CategoricalColumns(features);
        var columnCount = categorical.Length + 1;
        // Each recorded column as (column index here, a level id → slot map).
        (int Index, int Slots, Func<int, int> SlotOf) Recorded(int encoderIndex)
        {
            if (encoderIndex == SeenCombinations.ConditionColumn) return (columnCount - 1, condition!.Count, id => id);
            var index = Array.IndexOf(categorical, encoderIndex);
            return (index, categories.Columns[index].Width, SlotMap((CategoricalEncoder)features.Columns[encoderIndex]));
        }
        var columns = seen.Columns.Select(Recorded).ToArray();
        // Each direction of a pair that could be kept (Strength: NaN when not) or linked (by its Association).
        var candidates = new List<(int Known, int KnownSlots, int Drawn, int DrawnSlots, ((int, int), long)[] Seen, double SeenShare, double Strength, double Association)>();
        for (var i = 0; i < columns.Length; i++)
            for (var j = i + 1; j < columns.Length; j++)
            {
                var (a, b) = (columns[i], columns[j]);
                if ((long)a.Slots * b.Slots > MaxCells) continue;
                var counts = new Dictionary<(int, int), long>();
                long rows = 0;
                foreach (var (tuple, count) in seen.Tuples)
                {
                    var key = (a.SlotOf(tuple[i]), b.SlotOf(tuple[j]));
                    counts[key] = counts.GetValueOrDefault(key) + count;
                    rows += count;
                }
                var association = Association.CorrectedCramersV(counts, rows);
                var once = counts.Values.Count(c => c == 1);
                var strength = counts.Count == (long)a.Slots * b.Slots || (double)once / rows > MaxUnseenShare ? double.NaN
                    : 1 - IndependentSeenShare(counts, a.Slots, b.Slots, rows);
                if (!(strength >= MinIndependentUnseenShare)) strength = double.NaN;
                if (double.IsNaN(strength) && association < MinLinkedAssociation) continue;
                var seenShare = (double)counts.Count / ((long)a.Slots * b.Slots);
                // The condition column is always known before any category is drawn; feature columns can be either.
                if (b.Index != columnCount - 1) candidates.Add((a.Index, a.Slots, b.Index, b.Slots, counts.Select(c => (c.Key, c.Value)).ToArray(), seenShare, strength, association));
                if (a.Index != columnCount - 1) candidates.Add((b.Index, b.Slots, a.Index, a.Slots, counts.Select(c => ((c.Key.Item2, c.Key.Item1), c.Value)).ToArray(), seenShare, strength, association));
            }
        // Per drawn column, one pair whose known column is the condition or is drawn earlier: such a pair acts in every
        // row, and two could leave no slot seen with both known values, whose forced draws then pull the column's
        // frequencies away from training (birdstrikes' operator, which pairs with the airport and the aircraft: column
        // shape 0.974 freely, 0.954 with both pairs, 0.976 with one); the most structured one. Pairs whose known column
        // is drawn later act only in rows whose condition fixes that column, so that the condition is never written
        // beside a value it was not seen with; they are all kept.
        bool KnownFirst(int known, int drawn) => known == columnCount - 1 || known < drawn;
        var keepable = candidates.Where(c => !double.IsNaN(c.Strength)).ToArray();
        var kept = keepable.Where(c => KnownFirst(c.Known, c.Drawn)).GroupBy(c => c.Drawn).Select(g => g.MaxBy(c => c.Strength))
            .Concat(keepable.Where(c => !KnownFirst(c.Known, c.Drawn)))
            .Select(c => Pair.Of(c.Known, c.KnownSlots, c.Drawn, c.DrawnSlots, c.Seen, c.SeenShare, c.Strength, KnownFirst(c.Known, c.Drawn), linked: false, device)).ToArray();
        // Associated pairs left free (too sparse to keep, or a drawn column's second pair) are linked: their shares are
        // calibrated but nothing is forbidden.
        var linked = candidates.Where(l => l.Association >= MinLinkedAssociation && !kept.Any(k => k.Known == l.Known && k.Drawn == l.Drawn))
            .Select(c => Pair.Of(c.Known, c.KnownSlots, c.Drawn, c.DrawnSlots, c.Seen, c.SeenShare, c.Association, KnownFirst(c.Known, c.Drawn), linked: true, device)).ToArray();
        return kept.Length + linked.Length == 0 ? null : new SeenPairs(kept.Concat(linked).ToArray(), columnCount, categories);
    }

    /// <summary>
    /// A chunk's draws, starting from the values its conditions fix (<paramref name="known"/>[column][row], −1 = not
    /// known). <paramref name="tables"/>, when given, stand in for the pairs' penalty tables, one per pair in
    /// <see cref="Count"/> order (<see cref="CategoryCalibration"/>'s: the penalties plus its fitted offsets).
    /// </summary>
    public Draws Start(int[][] known, IReadOnlyList<Tensor>? tables = null) => new(this, known, tables);

    /// <summary>Whether any pair is linked rather than kept.</summary>
    public bool AnyLinked => _pairs.Any(p => p.Linked);

    /// <summary>Whether any pair is kept to its seen combinations (rather than linked).</summary>
    public bool AnyKept => _pairs.Any(p => !p.Linked);

    /// <summary>How many pairs are kept or linked (in both directions a pair acts in, each direction counts once).</summary>
    public int Count => _pairs.Length;

    /// <summary>Copies of the pairs' penalty tables, for <see cref="CategoryCalibration"/> to add its offsets to.</summary>
    public Tensor[] PenaltyTables() => _pairs.Select(p => p.Penalties.clone()).ToArray();

    /// <summary>
    /// Pair <paramref name="pair"/>'s training shares of each drawn slot among the rows with each known slot, in the
    /// shape of its penalty table (0 in the last row, for a value not known; for a kept pair also 0 where unseen, for a
    /// linked one smoothed, <see cref="LinkedPrior"/>).
    /// </summary>
    public Tensor ConditionalShares(int pair) => _pairs[pair].Shares;

    public void Dispose()
    {
        foreach (var pair in _pairs)
        {
            pair.Penalties.Dispose();
            pair.Shares.Dispose();
        }
    }

    // The share of rows the seen combinations would hold if the columns were independent: the sum of p(a) p(b) over them.
    private static double IndependentSeenShare(Dictionary<(int, int), long> counts, int slotsA, int slotsB, long rows)
    {
        var (pa, pb) = (new double[slotsA], new double[slotsB]);
        foreach (var ((a, b), count) in counts)
        {
            pa[a] += (double)count / rows;
            pb[b] += (double)count / rows;
        }
        return counts.Keys.Sum(k => pa[k.Item1] * pb[k.Item2]);
    }

    private static int[] CategoricalColumns(TableEncoder features) =>
        Enumerable.Range(0, features.Columns.Count).Where(c => features.Columns[c] is CategoricalEncoder).ToArray();

    private static Func<int, int> SlotMap(CategoricalEncoder encoder) => id => encoder.SlotOf(SeenCombinations.RawOf(id));

    /// <param name="Known">The column whose value selects a row of <paramref name="Penalties"/>.</param>
    /// <param name="Drawn">The column whose logits the row is added to.</param>
    /// <param name="Penalties">(known slots + 1) × drawn slots: 0 where the combination was seen, <see cref="UnseenPenalty"/>
    /// where not; the last row, for a value not known yet, is all 0.</param>
    /// <param name="Shares">Same shape: the training share of each drawn slot among the rows with each known slot.</param>
    /// <param name="SeenShare">The share of the pair's slot combinations seen in training.</param>
    /// <param name="Strength">Kept: the share of rows the unseen combinations would hold if the columns were
    /// independent. Linked: the columns' association (<see cref="Association.CorrectedCramersV"/>).</param>
    /// <param name="KnownFirst">Whether the known column is the condition column or drawn before the other, so the pair acts in every row.</param>
    /// <param name="Linked">A linked pair: no penalties (all 0), and <paramref name="Shares"/> smoothed towards the drawn
    /// column's frequencies (<see cref="LinkedPrior"/>), so a value seen in few rows is not pinned to its few partners.</param>
    private sealed record Pair(int Known, int Drawn, Tensor Penalties, Tensor Shares, double SeenShare, double Strength, bool KnownFirst, bool Linked)
    {
        public int UnknownRow => (int)Penalties.shape[0] - 1;

        public static Pair Of(int known, int knownSlots, int drawn, int drawnSlots, IEnumerable<((int Known, int Drawn) Slots, long Rows)> seen, double seenShare, double strength, bool knownFirst, bool linked, Device device)
        {
            var penalties = new float[(knownSlots + 1) * drawnSlots];
            if (!linked) Array.Fill(penalties, UnseenPenalty, 0, knownSlots * drawnSlots);
            var shares = new float[penalties.Length];
            var rowsWith = new long[knownSlots];
            var drawnRows = new long[drawnSlots];
            foreach (var ((k, d), rows) in seen)
            {
                rowsWith[k] += rows;
                drawnRows[d] += rows;
            }
            var prior = linked ? LinkedPrior : 0;
            var total = (double)drawnRows.Sum();
            for (var k = 0; k < knownSlots && linked; k++)
                for (var d = 0; d < drawnSlots; d++)
                    shares[k * drawnSlots + d] = rowsWith[k] == 0 ? 0 : (float)(prior * drawnRows[d] / total / (rowsWith[k] + prior));
            foreach (var ((k, d), rows) in seen)
            {
                penalties[k * drawnSlots + d] = 0;
                shares[k * drawnSlots + d] = (float)((rows + prior * drawnRows[d] / total) / (rowsWith[k] + prior));
            }
            var shape = new long[] { knownSlots + 1, drawnSlots };
            // Built lazily at a first sample, perhaps inside a caller's dispose scope; the model owns them.
            return new Pair(known, drawn, OnDevice(tensor(penalties, shape), device), OnDevice(tensor(shares, shape), device), seenShare, strength, knownFirst, linked);
        }

        private static Tensor OnDevice(Tensor table, Device device)
        {
            if (table.device != device)
            {
                var moved = table.to(device);
                table.Dispose();
                table = moved;
            }
            return table.DetachFromDisposeScope();
        }
    }

    /// <summary>
    /// One chunk's draws: what each row's columns are known to be so far. A column its row's condition fixes takes the
    /// condition's value (the values drawn after it are restricted or calibrated by that value, so it must be the one
    /// written). Linked pairs act only with calibrated tables; without them the draws are those of the kept pairs alone.
    /// </summary>
    public sealed class Draws : Networks.ISequentialCategoryDraws, IDisposable
    {
        private readonly SeenPairs _pairs;
        private readonly IReadOnlyList<Tensor>? _tables;
        private readonly Tensor?[] _known;   // per column: (rows) of slots, the pair's unknown row where not known; null = none known
        private readonly Tensor?[] _fixed;   // per feature column in a pair: (rows) of the slot its condition fixes, its width where none

        // Kept pairs act always; a linked pair has no penalties, so it acts only with calibrated tables.
        private bool Acts(Pair pair) => !pair.Linked || _tables is not null;

        internal Draws(SeenPairs pairs, int[][] known, IReadOnlyList<Tensor>? tables)
        {
            if (tables is not null && tables.Count != pairs._pairs.Length)
                throw new ArgumentException($"Expected one table per kept or linked pair ({pairs._pairs.Length}), got {tables.Count}.", nameof(tables));
            _pairs = pairs;
            _tables = tables;
            _known = new Tensor?[pairs.ColumnCount];
            _fixed = new Tensor?[pairs.ColumnCount];
            var device = pairs._pairs[0].Penalties.device;
            for (var c = 0; c < pairs.ColumnCount; c++)
            {
                if (!known[c].Any(v => v >= 0)) continue;
                // A value not known yet selects each pair table's last row.
                if (pairs._pairs.Where(Acts).FirstOrDefault(p => p.Known == c) is { } asKnown)
                    _known[c] = Slots(known[c], asKnown.UnknownRow, device);
                if (c != pairs.LabelColumn && pairs._pairs.Where(Acts).Any(p => p.Drawn == c))
                    _fixed[c] = Slots(known[c], Width(c), device);
            }
        }

        public Tensor Adjust(int spanOffset, Tensor logits)
        {
            var column = ColumnAt(spanOffset);
            if (column < 0) return logits;
            Tensor? adjusted = null;
            for (var p = 0; p < _pairs._pairs.Length; p++)
            {
                var pair = _pairs._pairs[p];
                if (!Acts(pair) || pair.Drawn != column || _known[pair.Known] is not { } known) continue;
                using var penalties = (_tables?[p] ?? pair.Penalties).index_select(0, known);
                adjusted = adjusted is null ? logits + penalties : adjusted.add_(penalties);
            }
            if (adjusted is null) return logits;
            using var penalised = adjusted;
            using var lowest = adjusted.amax(new long[] { 1 }, keepdim: true).sub_(LowestBelowLargest);
            return penalised.maximum(lowest);
        }

        /// <summary>
        /// The pairs that act on the column at <paramref name="spanOffset"/> now: each with the row's known slot (its
        /// <c>Unknown</c> slot where the value is not known yet), whether it acts in every row, and whether it is linked.
        /// </summary>
        public IEnumerable<(int Pair, Tensor KnownSlots, long Unknown, bool KnownFirst, bool Linked)> Acting(int spanOffset)
        {
            var column = ColumnAt(spanOffset);
            for (var p = 0; p < _pairs._pairs.Length; p++)
            {
                var pair = _pairs._pairs[p];
                if (Acts(pair) && pair.Drawn == column && _known[pair.Known] is { } known) yield return (p, known, pair.UnknownRow, pair.KnownFirst, pair.Linked);
            }
        }

        public Tensor Settle(int spanOffset, Tensor drawn)
        {
            var column = ColumnAt(spanOffset);
            if (column < 0) return drawn;
            var slots = drawn;
            if (_fixed[column] is { } fixedSlots)
            {
                using var isFixed = fixedSlots.lt(Width(column)).unsqueeze(1);
                using var fixedColumn = fixedSlots.unsqueeze(1);
                slots = where(isFixed, fixedColumn, drawn);
            }
            if (_pairs._pairs.Where(Acts).Any(p => p.Known == column))
            {
                _known[column]?.Dispose();
                _known[column] = slots.squeeze(1).clone();
            }
            return slots;
        }

        private long Width(int column) => _pairs.Categories.Columns[column].Width;

        // One row's slot per row, with unknown (-1) values as the given stand-in.
        private static Tensor Slots(int[] values, long unknown, Device device) =>
            tensor(values.Select(v => v >= 0 ? (long)v : unknown).ToArray()).to(device);

        private int ColumnAt(int spanOffset)
        {
            var columns = _pairs.Categories.Columns;
            for (var c = 0; c < columns.Count; c++)
                if (columns[c].Width > 0 && columns[c].EncodedOffset == spanOffset) return c;
            return -1;
        }

        public void Dispose()
        {
            foreach (var known in _known) known?.Dispose();
            foreach (var fixedSlots in _fixed) fixedSlots?.Dispose();
        }
    }
}
