using TorchSharp;
using GanEstimators.Conditioning;
using GanEstimators.Constraints;
using GanEstimators.Encoding;
using static TorchSharp.torch;

namespace GanEstimators.Sampling.Calibration;

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
internal sealed partial class SeenPairs : IDisposable
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
    private static readonly Scalar LowestBelowLargestScalar = LowestBelowLargest.ToScalar();

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
            .Select(g => (First: g.Key.Item1, Second: g.Key.Item2, g.First().SeenShare, Always: g.Any(p => p.KnownFirst)))
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
}
