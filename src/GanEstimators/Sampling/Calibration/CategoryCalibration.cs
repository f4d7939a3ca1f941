using GanEstimators.Conditioning;
using GanEstimators.Encoding;
using GanEstimators.Networks;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Sampling.Calibration;

/// <summary>
/// <see cref="GanSampler.CalibrateCategories"/>: one logit offset per categorical slot, added to the generator's logits
/// before a category is drawn, so that in the rows not conditioned on a column its categories come out at their
/// training frequencies. A row's conditional vector fixes one drawn column, which the generator follows; the other
/// categorical columns are generated freely, and there a GAN over-produces its frequent levels (birdstrikes'
/// airports, BENCHMARKS.md). The offsets are fitted once, on the rows of <see cref="FixedNoiseProbe"/>, by
/// <see cref="Iterations"/> steps of offset += log(real frequency / mean generated probability) over each column's
/// free rows. Where <see cref="SeenPairs"/> apply, each step draws the columns in output order as sampling does, and a
/// column's generated probabilities are those left after its row's earlier draws restrict it. A kept pair then also
/// gets an offset per known value and drawn slot, fitted the same way on the free rows where it acts, towards the
/// training shares of each drawn slot among the rows with that known value: the generator keeps to the seen
/// combinations, and now also to how often each is seen (flights' routes from each origin). A linked pair (associated
/// columns too sparse to keep: birdstrikes' airport and operator) gets such a table as well, fitted after the kept
/// pairs and the column's own offsets on every row where it acts, so a row's draw answers several tables at once.
/// </summary>
internal static class CategoryCalibration
{
    public const int Iterations = 3;

    // Restricted draws answer an offset less than free ones do (a slot is drawn only where its row allows it), so the
    // fit takes more steps: on birdstrikes, the operator's column shape was 0.966 after 3 and 0.976 after 10.
    public const int IterationsWithPairs = 10;

    // A linked table's offsets stay within ± this (e^10 ≈ 22,000 times the generator's odds): a combination a kept pair
    // forbids in every probe row gets a smoothed share but never a generated one, and would otherwise grow each step,
    // to act at full strength in a row whose kept pair allows it.
    private const float MaxLinkedOffset = 10;

    // Probabilities and frequencies below this are treated as this, so an unseen or never-generated slot moves by a bounded step.
    private const double Floor = 1e-6;

    // The constants above as rooted scalars (see TorchScalars).
    private static readonly Scalar FloorScalar = Floor.ToScalar();
    private static readonly Scalar LowestLinkedOffset = (-MaxLinkedOffset).ToScalar();
    private static readonly Scalar HighestLinkedOffset = MaxLinkedOffset.ToScalar();

    /// <summary>The offsets, or null when the model has no categorical column.</summary>
    public static CategoryOffsets? Fit(SyntheticRowGenerator generator, SeenPairs? pairs)
    {
        var columns = generator.Categories.Columns.Where(c => c.Width > 0).ToArray();
        if (columns.Length == 0) return null;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var probeRows = pairs?.AnyLinked == true ? FixedNoiseProbe.RowsForLinkedPairs : FixedNoiseProbe.Rows;
        var classes = generator.Condition is { } condition ? DrawnClasses.ByFrequency(condition, probeRows, new Random(FixedNoiseProbe.Seed)) : null;
        var drawn = new List<(int Row, int Position)>();
        var known = SyntheticRowGenerator.UnknownValues(pairs, probeRows);
        var logits = FixedNoiseProbe.Logits(generator, classes, drawn, known, probeRows);
        var offsets = zeros(logits.shape[1], dtype: logits.dtype, device: logits.device);
        var tables = pairs?.PenaltyTables();
        var freeRows = columns.Select(c => FreeRows(c, drawn, probeRows, generator.Device)).ToArray();
        // With pairs the steps weigh rows by these masks (the same every step) instead of selecting them.
        var freeMasks = pairs is null ? null : freeRows.Select(rows => RowMask(rows, probeRows)).ToArray();
        var real = columns.Select(c => RealFrequencies(c, logits.dtype, generator.Device)).ToArray();
        var iterations = pairs is null ? Iterations : IterationsWithPairs;
        for (var step = 0; step < iterations; step++)
        {
            using var stepScope = NewDisposeScope();
            var adjusted = logits.Plus(offsets);
            using var draws = pairs?.Start(known!, tables);
            using var random = new Generator((ulong)(FixedNoiseProbe.Seed + step));
            foreach (var i in Enumerable.Range(0, columns.Length).OrderBy(i => columns[i].EncodedOffset))
            {
                var span = adjusted.narrow(1, columns[i].EncodedOffset, columns[i].Width);
                if (draws is null)
                {
                    StepColumn(offsets, columns[i], real[i], F.softmax(span.index_select(0, freeRows[i]), 1).mean(new long[] { 0 }));
                    continue;
                }
                var restricted = draws.Adjust(columns[i].EncodedOffset, span);
                var probabilities = F.softmax(restricted, 1);
                var acting = draws.Acting(columns[i].EncodedOffset).ToArray();
                var left = FitKeptPairs(acting.Where(a => !a.Linked).ToArray(), pairs!, tables!, probabilities, freeMasks![i]);
                draws.Settle(columns[i].EncodedOffset, OutputHeads.DrawIndex(restricted, random));
                var rows = left.sum().item<float>();
                using var rowCount = rows.ToScalar();
                if (rows >= 0.5f) StepColumn(offsets, columns[i], real[i], probabilities.mul(left.unsqueeze(1)).sum(new long[] { 0 }).div_(rowCount));
                var linked = acting.Where(a => a.Linked).ToArray();
                if (linked.Length > 0) FitLinkedPairs(linked, pairs!, tables!, draws, logits, offsets, columns[i], real[i], freeMasks![i]);
            }
        }
        // Fitted lazily at a first sample, perhaps inside a caller's dispose scope; the model owns them (CategoryOffsets.Dispose).
        return new CategoryOffsets(offsets.DetachFromDisposeScope(), tables?.Select(t => t.DetachFromDisposeScope()).ToArray());
    }

    /// <summary>
    /// One step for the kept pairs acting on a column: each of the column's free rows (<paramref name="free"/>, 1 or 0) is
    /// fitted by one of them, the first that knows the row's value of its other column, pairs that act only under a
    /// condition before the one acting in every row (its offsets are then part of what the conditioned one fits). Each
    /// pair's offsets move by log(training share / mean generated probability) per known slot seen in its rows and
    /// drawn slot seen with it. Returns the rows no pair fitted, left to the column's own offsets (1 or 0).
    /// </summary>
    private static Tensor FitKeptPairs((int Pair, Tensor KnownSlots, long Unknown, bool KnownFirst, bool Linked)[] acting, SeenPairs pairs, Tensor[] tables, Tensor probabilities, Tensor free)
    {
        var left = free;
        foreach (var pair in acting.OrderBy(a => a.KnownFirst))
        {
            using var unknown = pair.Unknown.ToScalar();
            var rows = left.mul(pair.KnownSlots.lt(unknown).to(left.dtype));
            left = left - rows;
            FitTable(pair.Pair, pair.KnownSlots, pair.Unknown, pairs, tables[pair.Pair], probabilities, rows);
        }
        return left;
    }

    /// <summary>
    /// One step for the linked pairs acting on a column, after its kept pairs and its own offsets: each in turn is
    /// fitted on all the column's free rows whose known value it knows, from the probabilities left by every offset
    /// fitted before it. A row can be fitted by several tables (birdstrikes' operator, by its aircraft model and by its
    /// airport), so this is iterative proportional fitting over the steps rather than one table per row.
    /// </summary>
    private static void FitLinkedPairs((int Pair, Tensor KnownSlots, long Unknown, bool KnownFirst, bool Linked)[] linked, SeenPairs pairs, Tensor[] tables,
        SeenPairs.Draws draws, Tensor logits, Tensor offsets, ConditionalVector.Column column, Tensor real, Tensor free)
    {
        // The column's logits with every offset so far; each table's step is added to them in turn rather than the
        // tables applied again (the same up to the lowest penalised logits, which stay far below the rest).
        var adjusted = draws.Adjust(column.EncodedOffset, logits.narrow(1, column.EncodedOffset, column.Width).Plus(offsets.narrow(0, column.EncodedOffset, column.Width)));
        foreach (var pair in linked)
        {
            // Each pair's probe-sized temporaries go at its end, not the step's.
            using var pairScope = NewDisposeScope();
            var table = tables[pair.Pair];
            using var before = table.clone();
            using var unknown = pair.Unknown.ToScalar();
            FitTable(pair.Pair, pair.KnownSlots, pair.Unknown, pairs, table, F.softmax(adjusted, 1), free.mul(pair.KnownSlots.lt(unknown).to(free.dtype)));
            table.clamp_(LowestLinkedOffset, HighestLinkedOffset);
            adjusted.add_(table.sub(before).index_select(0, pair.KnownSlots), TorchScalars.One);
        }
        // Then the column's frequencies over all its free rows, which the tables above may have moved.
        var rows = free.sum().item<float>();
        if (rows < 0.5f) return;
        using var rowCount = rows.ToScalar();
        StepColumn(offsets, column, real, F.softmax(adjusted, 1).mul_(free.unsqueeze(1)).sum(new long[] { 0 }).div_(rowCount));
    }

    // Moves a column's own offsets by log(real frequency / mean generated probability).
    private static void StepColumn(Tensor offsets, ConditionalVector.Column column, Tensor real, Tensor generated) =>
        offsets.narrow(0, column.EncodedOffset, column.Width).add_((real / generated.clamp_min(FloorScalar)).log_(), TorchScalars.One);

    // Moves one pair's offsets by log(training share / mean generated probability) per known slot seen in its rows
    // (1 or 0) and drawn slot with a training share.
    private static void FitTable(int pair, Tensor knownSlots, long unknown, SeenPairs pairs, Tensor table, Tensor probabilities, Tensor rows)
    {
        // The generated probabilities summed per known slot. index_add_ is the cheap way (birdstrikes' linked tables:
        // 6.5 s for a first sample against 9 s), and on the CPU it adds in row order; on a GPU it adds in no fixed
        // order, so there the sums are (rows × known slots + 1)ᵀ · (rows × drawn slots), and a fit is the same on every load.
        Tensor counts, generated;
        var weighted = probabilities.mul(rows.unsqueeze(1));
        if (probabilities.device.type == DeviceType.CPU)
        {
            counts = zeros(unknown + 1, dtype: probabilities.dtype, device: probabilities.device).index_add_(0, knownSlots, rows.to(probabilities.dtype), TorchScalars.One).unsqueeze(1);
            generated = zeros(unknown + 1, probabilities.shape[1], dtype: probabilities.dtype, device: probabilities.device).index_add_(0, knownSlots, weighted, TorchScalars.One);
        }
        else
        {
            var byKnown = F.one_hot(knownSlots, unknown + 1).to(probabilities.dtype).t();
            counts = byKnown.matmul(rows.to(probabilities.dtype)).unsqueeze(1);
            generated = byKnown.matmul(weighted);
        }
        generated = generated.div_(counts.clamp_min(TorchScalars.IntegerOne));
        var shares = pairs.ConditionalShares(pair);
        var step = (shares.clamp_min(FloorScalar) / generated.clamp_min_(FloorScalar)).log_();
        table.add_(step.mul_(shares.gt(TorchScalars.IntegerZero).logical_and_(counts.gt(TorchScalars.IntegerZero)).to(step.dtype)), TorchScalars.One);
    }

    // The check rows whose drawn condition is not on this column.
    private static Tensor FreeRows(ConditionalVector.Column column, List<(int Row, int Position)> drawn, int probeRows, Device device)
    {
        var conditioned = drawn.Where(d => column.Holds(d.Position)).Select(d => d.Row).ToHashSet();
        return tensor(Enumerable.Range(0, probeRows).Where(r => !conditioned.Contains(r)).Select(r => (long)r).ToArray(), device: device);
    }

    // Rows as a (rows) tensor of 1 where listed and 0 elsewhere.
    private static Tensor RowMask(Tensor rows, int probeRows) =>
        zeros(probeRows, device: rows.device).index_fill_(0, rows, TorchScalars.IntegerOne);

    private static Tensor RealFrequencies(ConditionalVector.Column column, ScalarType dtype, Device device)
    {
        var frequencies = new double[column.Width];
        for (var k = 0; k < column.Width; k++) frequencies[k] = column.Cumulative[k] - (k == 0 ? 0 : column.Cumulative[k - 1]);
        return tensor(frequencies, device: device).to(dtype).clamp_min(FloorScalar);
    }
}
