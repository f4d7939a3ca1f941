using GanEstimators.Encoding;
using GanEstimators.Sampling.Calibration;

namespace GanEstimators.Tests.Sampling;

/// <summary>
/// The dependence calibration's map on scores drawn here (no training, so exact on every CPU): it gives the generated
/// correlations the training ones, keeps each column's distribution, and is left out when there is nothing to change.
/// </summary>
[TestClass]
public sealed class DependenceMapTests
{
    // Rows of standard normal scores correlated as L·Lᵀ for a lower-triangular L.
    private static List<double[]> Scores(double[,] l, int rows, int seed)
    {
        var random = new Random(seed);
        var n = l.GetLength(0);
        var result = new List<double[]>(rows);
        for (var r = 0; r < rows; r++)
        {
            var e = Enumerable.Range(0, n).Select(_ => StandardNormal.Quantile(1 - random.NextDouble())).ToArray();
            result.Add(Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => l[i, j] * e[j])).ToArray());
        }
        return result;
    }

    private static double[] CorrelationsOf(IEnumerable<double[]> rows, int n)
    {
        var moments = new ScoreMoments(n);
        foreach (var row in rows) moments.Add(row);
        return moments.Correlations().Matrix;
    }

    [TestMethod]
    public void TheTransportMapTurnsOneCorrelationMatrixIntoTheOther()
    {
        foreach (var n in new[] { 2, 3, 12 })
        {
            var random = new Random(n);
            double[] Random() => CorrelationsOf(Scores(RandomLower(n, random), 2000, random.Next()), n);
            var (generated, training) = (Random(), Random());
            var map = DependenceCalibration.TransportMap(generated, training, n);
            var result = SymmetricMatrix.Multiply(SymmetricMatrix.Multiply(map, generated, n), map, n);
            for (var i = 0; i < n * n; i++)
            {
                Assert.AreEqual(training[i], result[i], 1e-9, $"n = {n}, entry {i}");
                Assert.AreEqual(map[i / n * n + i % n], map[i % n * n + i / n], 1e-12, "the map is symmetric");
            }
        }
    }

    private static double[,] RandomLower(int n, Random random)
    {
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j <= i; j++) l[i, j] = i == j ? 1 : 2 * random.NextDouble() - 1;
        return l;
    }

    [TestMethod]
    public void MovedRowsTakeTheTrainingCorrelationsAndKeepUniformShares()
    {
        // Generated: two columns barely correlated and a third on its own; training: the first two at 0.9.
        var generated = Scores(new double[,] { { 1, 0, 0 }, { 0.2, 1, 0 }, { 0, 0, 1 } }, 20_000, 1);
        double[] training = { 1, 0.9, 0, 0.9, 1, 0, 0, 0, 1 };
        var calibration = DependenceCalibration.Fit(new[] { 0, 1, 2 }, generated, training)!;
        Assert.IsNotNull(calibration);

        var fresh = Scores(new double[,] { { 1, 0, 0 }, { 0.2, 1, 0 }, { 0, 0, 1 } }, 20_000, 2);
        var shares = fresh.Select(row =>
        {
            var moved = (double[])row.Clone();
            calibration.MoveToShares(moved);
            return moved;
        }).ToArray();
        var scores = shares.Select(row => row.Select(StandardNormal.ScoreOf).ToArray());
        var result = CorrelationsOf(scores, 3);
        Assert.AreEqual(0.9, result[1], 0.02, "the first two columns now correlate as in training");
        Assert.AreEqual(0, result[2], 0.03, "the third stays on its own");
        for (var k = 0; k < 3; k++)
            for (var q = 0.1; q < 1; q += 0.2)
                Assert.AreEqual(q, shares.Count(row => row[k] <= q) / (double)shares.Length, 0.02, $"column {k}: shares stay uniform at {q}");
    }

    [TestMethod]
    public void NothingToChangeMeansNoMap()
    {
        var generated = Scores(new double[,] { { 1, 0 }, { 0.7, 0.7 } }, 5000, 3);
        Assert.IsNull(DependenceCalibration.Fit(new[] { 0, 1 }, generated, CorrelationsOf(generated, 2)), "the generated rows already correlate as in training");
        Assert.IsNull(DependenceCalibration.Fit(new[] { 0, 1 }, generated.Take(10).ToList(), new double[] { 1, 0.5, 0.5, 1 }), "too few rows to measure");
    }

    [TestMethod]
    public void AConstantColumnIsLeftOutOfTheCorrelations()
    {
        var rows = Scores(new double[,] { { 1, 0 }, { 0.6, 0.8 } }, 3000, 4).Select(r => new[] { r[0], 1.5, r[1] }).ToList();
        var (kept, matrix) = CorrelationsOfKept(rows);
        CollectionAssert.AreEqual(new[] { 0, 2 }, kept);
        Assert.AreEqual(0.6, matrix[1], 0.05);
        Assert.IsNull(DependenceCalibration.Fit(new[] { 0, 1, 2 }, rows, SymmetricMatrix.Identity(3)), "a column that does not vary cannot be moved");
    }

    private static (int[] Kept, double[] Matrix) CorrelationsOfKept(IEnumerable<double[]> rows)
    {
        var moments = new ScoreMoments(3);
        foreach (var row in rows) moments.Add(row);
        return moments.Correlations();
    }
}
