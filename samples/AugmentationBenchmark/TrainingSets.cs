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

    /// <summary>The rows, then copies of rows drawn with replacement from each smaller class until it matches the largest.</summary>
    public static List<WeatherRow> RandomlyOversampled(IReadOnlyList<WeatherRow> rows, int seed)
    {
        var random = new Random(seed);
        var classes = rows.GroupBy(r => r.Weather).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToArray()).ToArray();
        var largest = classes.Max(c => c.Length);
        var result = rows.ToList();
        foreach (var members in classes)
            for (var i = members.Length; i < largest; i++)
                result.Add(members[random.Next(members.Length)]);
        return result;
    }
}
