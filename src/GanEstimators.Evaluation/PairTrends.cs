namespace GanEstimators.Evaluation;

/// <summary>
/// How well pairwise relationships survive: correlation similarity for numeric pairs, joint-frequency similarity for
/// categorical pairs (mixed pairs are not scored), averaged over all such pairs.
/// </summary>
internal static class PairTrends
{
    public static double Score(EvaluatedTable real, EvaluatedTable synthetic) => Mean(PairScores(real, synthetic));

    /// <summary>The mean of the pair scores; NaN when there is no pair.</summary>
    public static double Mean(IReadOnlyList<PairTrendScore> pairs) => pairs.Count == 0 ? double.NaN : pairs.Average(p => p.Score);

    /// <summary>Every scored pair: the numeric pairs in column order, then the categorical pairs.</summary>
    public static IReadOnlyList<PairTrendScore> PairScores(EvaluatedTable real, EvaluatedTable synthetic)
    {
        var scores = new List<PairTrendScore>();
        var numeric = real.Columns.Where(c => c.Kind == TabularColumnKind.Numeric).Select(c => c.Name).ToArray();
        var categorical = real.Columns.Where(c => c.Kind == TabularColumnKind.Categorical).Select(c => c.Name).ToArray();
        foreach (var (a, b) in Pairs(numeric))
        {
            // An undefined correlation (a constant column, no complete pair) counts as 0, like numpy's nan_to_num.
            var realCorrelation = ZeroIfNaN(Correlation(real[a].Numbers, real[b].Numbers));
            var syntheticCorrelation = ZeroIfNaN(Correlation(synthetic[a].Numbers, synthetic[b].Numbers));
            scores.Add(new PairTrendScore(a, b, TabularColumnKind.Numeric, realCorrelation, syntheticCorrelation,
                1 - Math.Abs(realCorrelation - syntheticCorrelation) / 2));
        }
        foreach (var (a, b) in Pairs(categorical))
            scores.Add(new PairTrendScore(a, b, TabularColumnKind.Categorical, double.NaN, double.NaN,
                1 - JointDistance(real[a].Categories, real[b].Categories, synthetic[a].Categories, synthetic[b].Categories)));
        return scores;
    }

    /// <summary>Pearson correlation over the rows where both values are present (pandas' pairwise-complete rule).</summary>
    public static double Correlation(double[] x, double[] y)
    {
        double sumX = 0, sumY = 0;
        var n = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            sumX += x[i];
            sumY += y[i];
            n++;
        }
        if (n == 0) return double.NaN;
        double meanX = sumX / n, meanY = sumY / n, sxx = 0, syy = 0, sxy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            double dx = x[i] - meanX, dy = y[i] - meanY;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        var divisor = Math.Sqrt(sxx * syy);
        return divisor == 0 ? double.NaN : sxy / divisor;
    }

    /// <summary>
    /// Total-variation distance between the joint frequencies of two categorical columns, each divided by its table's
    /// full row count. As in the reference judge, real rows missing either value drop out (their share is simply
    /// absent), while synthetic rows missing either value form a pair the real data never has (the judge turns the
    /// missing value into the text "nan" on the synthetic side only).
    /// </summary>
    public static double JointDistance(string?[] realA, string?[] realB, string?[] syntheticA, string?[] syntheticB)
    {
        var realPairs = ColumnShapes.Counts(Enumerable.Range(0, realA.Length)
            .Where(r => realA[r] is not null && realB[r] is not null)
            .Select(r => (realA[r], realB[r])));
        var syntheticPairs = ColumnShapes.Counts(Enumerable.Range(0, syntheticA.Length)
            .Select(r => syntheticA[r] is null || syntheticB[r] is null ? MissingPair : (syntheticA[r], syntheticB[r])));
        return ColumnShapes.TotalVariationDistance(realPairs, realA.Length, syntheticPairs, Math.Max(syntheticA.Length, 1));
    }

    private static readonly (string?, string?) MissingPair = (null, null);

    private static IEnumerable<(string A, string B)> Pairs(string[] names) =>
        from i in Enumerable.Range(0, names.Length) from j in Enumerable.Range(i + 1, names.Length - i - 1) select (names[i], names[j]);

    private static double ZeroIfNaN(double value) => double.IsNaN(value) ? 0 : value;
}
