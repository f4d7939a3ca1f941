namespace GanEstimators.Sampling.Calibration;

/// <summary>How strongly two categorical columns go together, from their combinations' row counts.</summary>
internal static class Association
{
    /// <summary>
    /// Cramér's V with Bergsma's (2013) bias correction: 0 for independent columns, 1 when one determines the other.
    /// The plain V of two independent columns with many levels and few rows is far from 0 (birdstrikes' 50 airports
    /// by 213 aircraft models in 8,000 rows: about 0.17), the corrected one is not. Levels without rows do not count.
    /// </summary>
    public static double CorrectedCramersV(IReadOnlyDictionary<(int A, int B), long> counts, long rows)
    {
        if (rows < 2) return 0;
        var (byA, byB) = (new Dictionary<int, long>(), new Dictionary<int, long>());
        foreach (var ((a, b), count) in counts)
        {
            byA[a] = byA.GetValueOrDefault(a) + count;
            byB[b] = byB.GetValueOrDefault(b) + count;
        }
        // χ²/n = Σ n_ab² / (n_a n_b) − 1 over the seen combinations.
        var phi2 = counts.Sum(c => (double)c.Value * c.Value / ((double)byA[c.Key.A] * byB[c.Key.B])) - 1;
        var (r, k, n) = (byA.Count, byB.Count, (double)rows);
        var corrected = Math.Max(0, phi2 - (k - 1.0) * (r - 1.0) / (n - 1));
        var (rc, kc) = (r - (r - 1.0) * (r - 1.0) / (n - 1), k - (k - 1.0) * (k - 1.0) / (n - 1));
        var denominator = Math.Min(rc, kc) - 1;
        return denominator <= 0 ? 0 : Math.Sqrt(corrected / denominator);
    }
}
