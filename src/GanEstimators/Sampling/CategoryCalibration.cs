using GanEstimators.Conditioning;
using GanEstimators.Encoding;
using GanEstimators.Networks;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Sampling;

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
/// combinations, and now also to how often each is seen (flights' routes from each origin).
/// </summary>
internal static class CategoryCalibration
{
    public const int Iterations = 3;

    // Restricted draws answer an offset less than free ones do (a slot is drawn only where its row allows it), so the
    // fit takes more steps: on birdstrikes, the operator's column shape was 0.966 after 3 and 0.976 after 10.
    public const int IterationsWithPairs = 10;

    // Probabilities and frequencies below this are treated as this, so an unseen or never-generated slot moves by a bounded step.
    private const double Floor = 1e-6;

    /// <summary>The offsets, or null when the model has no categorical column.</summary>
    public static CategoryOffsets? Fit(SyntheticRowGenerator generator, SeenPairs? pairs)
    {
        var columns = generator.Categories.Columns.Where(c => c.Width > 0).ToArray();
        if (columns.Length == 0) return null;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var classes = generator.Condition is { } condition ? DrawnClasses.ByFrequency(condition, FixedNoiseProbe.Rows, new Random(FixedNoiseProbe.Seed)) : null;
        var drawn = new List<(int Row, int Position)>();
        var known = SyntheticRowGenerator.UnknownValues(pairs, FixedNoiseProbe.Rows);
        var logits = FixedNoiseProbe.Logits(generator, classes, drawn, known);
        var offsets = zeros(logits.shape[1], dtype: logits.dtype, device: logits.device);
        var tables = pairs?.PenaltyTables();
        var freeRows = columns.Select(c => FreeRows(c, drawn, generator.Device)).ToArray();
        var real = columns.Select(c => RealFrequencies(c, logits.dtype, generator.Device)).ToArray();
        var iterations = pairs is null ? Iterations : IterationsWithPairs;
        for (var step = 0; step < iterations; step++)
        {
            using var stepScope = NewDisposeScope();
            var adjusted = logits + offsets;
            using var draws = pairs?.Start(known!, tables);
            using var random = new Generator((ulong)(FixedNoiseProbe.Seed + step));
            foreach (var i in Enumerable.Range(0, columns.Length).OrderBy(i => columns[i].EncodedOffset))
            {
                var span = adjusted.narrow(1, columns[i].EncodedOffset, columns[i].Width);
                Tensor generated;
                if (draws is null)
                    generated = F.softmax(span.index_select(0, freeRows[i]), 1).mean(new long[] { 0 });
                else
                {
                    var restricted = draws.Adjust(columns[i].EncodedOffset, span);
                    var probabilities = F.softmax(restricted, 1);
                    var left = FitPairs(draws.Acting(columns[i].EncodedOffset).ToArray(), pairs!, tables!, probabilities, RowMask(freeRows[i]));
                    draws.Settle(columns[i].EncodedOffset, OutputHeads.DrawIndex(restricted, random));
                    var rows = left.sum().item<float>();
                    if (rows < 0.5f) continue;
                    generated = probabilities.mul(left.unsqueeze(1)).sum(new long[] { 0 }).div_(rows);
                }
                offsets.narrow(0, columns[i].EncodedOffset, columns[i].Width).add_((real[i] / generated.clamp_min(Floor)).log_());
            }
        }
        // Fitted lazily at a first sample, perhaps inside a caller's dispose scope; the model owns them (CategoryOffsets.Dispose).
        return new CategoryOffsets(offsets.DetachFromDisposeScope(), tables?.Select(t => t.DetachFromDisposeScope()).ToArray());
    }

    /// <summary>
    /// One step for the pairs acting on a column: each of the column's free rows (<paramref name="free"/>, 1 or 0) is
    /// fitted by one of them, the first that knows the row's value of its other column, pairs that act only under a
    /// condition before the one acting in every row (its offsets are then part of what the conditioned one fits). Each
    /// pair's offsets move by log(training share / mean generated probability) per known slot seen in its rows and
    /// drawn slot seen with it. Returns the rows no pair fitted, left to the column's own offsets (1 or 0).
    /// </summary>
    private static Tensor FitPairs((int Pair, Tensor KnownSlots, long Unknown, bool KnownFirst)[] acting, SeenPairs pairs, Tensor[] tables, Tensor probabilities, Tensor free)
    {
        var left = free;
        foreach (var pair in acting.OrderBy(a => a.KnownFirst))
        {
            var rows = left.mul(pair.KnownSlots.lt(pair.Unknown).to(left.dtype));
            left = left - rows;
            // (rows × known slots + 1)ᵀ · (rows × drawn slots): the generated probabilities summed per known slot.
            var byKnown = F.one_hot(pair.KnownSlots, pair.Unknown + 1).to(probabilities.dtype).mul_(rows.unsqueeze(1));
            var counts = byKnown.sum(new long[] { 0 }).unsqueeze(1);
            var generated = byKnown.t().matmul(probabilities).div_(counts.clamp_min(1));
            var shares = pairs.ConditionalShares(pair.Pair);
            var step = (shares.clamp_min(Floor) / generated.clamp_min_(Floor)).log_();
            tables[pair.Pair].add_(step.mul_(shares.gt(0).logical_and_(counts.gt(0)).to(step.dtype)));
        }
        return left;
    }

    // The check rows whose drawn condition is not on this column.
    private static Tensor FreeRows(ConditionalVector.Column column, List<(int Row, int Position)> drawn, Device device)
    {
        var conditioned = drawn.Where(d => column.Holds(d.Position)).Select(d => d.Row).ToHashSet();
        return tensor(Enumerable.Range(0, FixedNoiseProbe.Rows).Where(r => !conditioned.Contains(r)).Select(r => (long)r).ToArray(), device: device);
    }

    // Rows as a (rows) tensor of 1 where listed and 0 elsewhere.
    private static Tensor RowMask(Tensor rows) =>
        zeros(FixedNoiseProbe.Rows, device: rows.device).index_fill_(0, rows, 1);

    private static Tensor RealFrequencies(ConditionalVector.Column column, ScalarType dtype, Device device)
    {
        var frequencies = new double[column.Width];
        for (var k = 0; k < column.Width; k++) frequencies[k] = column.Cumulative[k] - (k == 0 ? 0 : column.Cumulative[k - 1]);
        return tensor(frequencies, device: device).to(dtype).clamp_min(Floor);
    }
}
