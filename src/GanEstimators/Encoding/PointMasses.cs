namespace GanEstimators.Encoding;

/// <summary>
/// The values of a numeric column that each hold at least a given share of its present values — zero rainfall on
/// most days, a default amount — which a Gaussian mixture can only blur (its narrowest mode still spreads onto the
/// neighbouring grid values), so <see cref="ModeSpecificEncoder"/> gives each an exact mode of its own.
/// </summary>
internal static class PointMasses
{
    /// <summary>The point masses in ascending order; none when <paramref name="share"/> is 0 (off).</summary>
    public static double[] Find(IReadOnlyCollection<double> present, double share)
    {
        if (share <= 0 || present.Count == 0) return Array.Empty<double>();
        var threshold = share * present.Count;
        return present.GroupBy(v => v).Where(g => g.Count() >= threshold).Select(g => g.Key).Order().ToArray();
    }
}
