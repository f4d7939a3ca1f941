using GanEstimators.Conditioning;
using GanEstimators.Constraints;
using GanEstimators.Encoding;
using static TorchSharp.torch;

namespace GanEstimators.Sampling.Calibration;

// Which pairs a model keeps to their seen combinations and which it links, from the combinations it recorded.
internal sealed partial class SeenPairs
{
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
}
