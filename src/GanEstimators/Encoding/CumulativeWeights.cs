namespace GanEstimators.Encoding;

/// <summary>Discrete draws by inverse CDF: a table of normalised running sums, and one uniform per draw.</summary>
internal static class CumulativeWeights
{
    /// <summary>Running sums of <paramref name="weights"/> divided by their total (the last entry is 1).</summary>
    public static double[] Of(IEnumerable<double> weights)
    {
        var w = weights.ToArray();
        var total = w.Sum();
        double running = 0;
        return w.Select(x => (running += x) / total).ToArray();
    }

    /// <summary>The first index whose running sum exceeds a uniform draw, so entries of weight zero are never drawn.</summary>
    public static int Draw(double[] cumulative, Random random)
    {
        var u = random.NextDouble() * cumulative[^1];
        int low = 0, high = cumulative.Length - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (cumulative[middle] > u) high = middle;
            else low = middle + 1;
        }
        return low;
    }
}
