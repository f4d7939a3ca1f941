namespace GanEstimators.Evaluation.Augmentation;

/// <summary>How many rows of each class one ratio adds to a fold's training rows (the same for every method).</summary>
internal static class AddedRows
{
    public static SortedDictionary<string, int> PerClass(IReadOnlyDictionary<string, int> rowsByClass, double ratio, AugmentationSizing sizing)
    {
        var added = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (rowsByClass.Count == 0) return added;
        if (sizing == AugmentationSizing.BalanceClasses)
        {
            // The rounding of GanAugmentationOptions.BalanceRatio, so ganest augment --balance-ratio adds the same rows.
            var target = (int)Math.Round(ratio * rowsByClass.Values.Max(), MidpointRounding.AwayFromZero);
            foreach (var (label, rows) in rowsByClass)
                if (target > rows) added[label] = target - rows;
            return added;
        }

        // Largest remainder: proportional shares that add up to the rounded total exactly.
        var total = rowsByClass.Values.Sum();
        var toAdd = (int)Math.Round(ratio * total, MidpointRounding.AwayFromZero);
        var exact = rowsByClass.ToDictionary(c => c.Key, c => (double)toAdd * c.Value / total, StringComparer.Ordinal);
        foreach (var (label, share) in exact) added[label] = (int)Math.Floor(share);
        var left = toAdd - added.Values.Sum();
        foreach (var label in exact.OrderByDescending(e => e.Value - Math.Floor(e.Value)).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key).Take(left))
            added[label]++;
        foreach (var label in added.Where(a => a.Value == 0).Select(a => a.Key).ToArray()) added.Remove(label);
        return added;
    }
}
