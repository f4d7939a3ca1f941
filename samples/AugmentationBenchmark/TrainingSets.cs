namespace AugmentationBenchmark;

/// <summary>The row-level resampling the benchmark compares against: a stratified subset and random oversampling.</summary>
public static class TrainingSets
{
    /// <summary>The same fraction of every class (rounded, at least one row), chosen at random.</summary>
    public static List<WeatherRow> StratifiedSubset(IReadOnlyList<WeatherRow> rows, double fraction, int seed)
    {
        var random = new Random(seed);
        return rows.GroupBy(r => r.Weather).OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g =>
            {
                var shuffled = g.OrderBy(_ => random.Next()).ToArray();
                return shuffled.Take(Math.Max(1, (int)Math.Round(shuffled.Length * fraction)));
            })
            .ToList();
    }

    /// <summary>
    /// The rows, then copies of rows drawn with replacement from each smaller class until it has <paramref name="ratio"/>
    /// of the largest class's rows (as <c>GanAugmentationOptions.BalanceRatio</c> counts them).
    /// </summary>
    public static List<WeatherRow> RandomlyOversampled(IReadOnlyList<WeatherRow> rows, double ratio, int seed)
    {
        var random = new Random(seed);
        var classes = rows.GroupBy(r => r.Weather).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToArray()).ToArray();
        var target = Target(classes.Max(c => c.Length), ratio);
        var result = rows.ToList();
        foreach (var members in classes)
            for (var i = members.Length; i < target; i++)
                result.Add(members[random.Next(members.Length)]);
        return result;
    }

    /// <summary>
    /// The rows, then unseen real rows of each smaller class (from <paramref name="pool"/>, the training rows left out of
    /// the subset), drawn without replacement until the class has <paramref name="ratio"/> of the largest class's rows
    /// or the pool runs out: what balancing could give at best, with real data instead of synthetic.
    /// </summary>
    public static List<WeatherRow> BalancedWithUnseenRealRows(IReadOnlyList<WeatherRow> rows, IReadOnlyList<WeatherRow> pool, double ratio, int seed)
    {
        var random = new Random(seed);
        var counts = rows.GroupBy(r => r.Weather).ToDictionary(g => g.Key, g => g.Count());
        var target = Target(counts.Values.Max(), ratio);
        var result = rows.ToList();
        foreach (var (weather, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
            result.AddRange(pool.Where(r => r.Weather == weather).OrderBy(_ => random.Next()).Take(Math.Max(0, target - count)));
        return result;
    }

    private static int Target(int largest, double ratio) => (int)Math.Round(ratio * largest, MidpointRounding.AwayFromZero);
}
