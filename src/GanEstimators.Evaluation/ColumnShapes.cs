namespace GanEstimators.Evaluation;

/// <summary>Per-column fidelity: 1 − Kolmogorov–Smirnov statistic (numeric) or 1 − total-variation distance (categorical).</summary>
internal static class ColumnShapes
{
    public static ColumnShapeScore Score(EvaluatedColumn real, EvaluatedColumn synthetic)
    {
        double score;
        if (real.Kind == TabularColumnKind.Numeric)
        {
            var syntheticValues = synthetic.PresentNumbers();
            score = syntheticValues.Length == 0 ? 0 : 1 - KolmogorovSmirnovStatistic(real.PresentNumbers(), syntheticValues);
        }
        else
        {
            var syntheticValues = synthetic.PresentCategories();
            var realValues = real.PresentCategories();
            score = syntheticValues.Length == 0 ? 0
                : 1 - TotalVariationDistance(Counts(realValues), realValues.Length, Counts(syntheticValues), syntheticValues.Length);
        }
        return new ColumnShapeScore(real.Name, real.Kind, score);
    }

    /// <summary>sup over x of |F_a(x) − F_b(x)| for the two empirical distribution functions.</summary>
    public static double KolmogorovSmirnovStatistic(double[] a, double[] b)
    {
        if (a.Length == 0 || b.Length == 0) return double.NaN;
        var x = (double[])a.Clone();
        var y = (double[])b.Clone();
        Array.Sort(x);
        Array.Sort(y);
        double largest = 0;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            // Step past every copy of the next value in either sample, so ties move both functions together.
            var value = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] == value) i++;
            while (j < y.Length && y[j] == value) j++;
            largest = Math.Max(largest, Math.Abs((double)i / x.Length - (double)j / y.Length));
        }
        return largest;
    }

    /// <summary>
    /// ½ Σ_k |a_k / aTotal − b_k / bTotal| over the keys of both tables. The totals may exceed the counted entries
    /// (rows with a missing value count in the total but have no key).
    /// </summary>
    public static double TotalVariationDistance<TKey>(IReadOnlyDictionary<TKey, int> a, int aTotal, IReadOnlyDictionary<TKey, int> b, int bTotal)
        where TKey : notnull
    {
        double sum = 0;
        foreach (var (key, count) in a) sum += Math.Abs((double)count / aTotal - (double)b.GetValueOrDefault(key) / bTotal);
        foreach (var (key, count) in b)
            if (!a.ContainsKey(key)) sum += (double)count / bTotal;
        return sum / 2;
    }

    public static Dictionary<TKey, int> Counts<TKey>(IEnumerable<TKey> values) where TKey : notnull
    {
        var counts = new Dictionary<TKey, int>();
        foreach (var value in values) counts[value] = counts.GetValueOrDefault(value) + 1;
        return counts;
    }
}
