using GanEstimators.Evaluation.Augmentation;

namespace GanEstimators.Tests.AugmentationEvaluation;

[TestClass]
public sealed class PairedTTestTests
{
    [TestMethod]
    [DataRow(2.0, 4.0, 0.116117)]
    [DataRow(1.0, 2.0, 0.422650)]
    [DataRow(2.776445, 4.0, 0.05)]
    [DataRow(12.706205, 1.0, 0.05)]
    [DataRow(0.0, 9.0, 1.0)]
    public void TwoSidedPValuesMatchStudentsTable(double t, double degreesOfFreedom, double expected) =>
        Assert.AreEqual(expected, PairedTTest.TwoSidedP(t, degreesOfFreedom), 1e-5);

    [TestMethod]
    public void PairedComparisonOfFoldScores()
    {
        // Differences 0.02, 0.01, 0.03: mean 0.02, sd 0.01, t = 0.02 / (0.01 / √3) = 3.464 with 2 degrees of freedom.
        var comparison = PairedTTest.Compare(new[] { 0.52, 0.61, 0.73 }, new[] { 0.50, 0.60, 0.70 }, testToTrainingRows: 0.5);
        Assert.AreEqual(0.02, comparison.MeanDifference, 1e-12);
        Assert.AreEqual(3.4641, comparison.TStatistic, 1e-4);
        Assert.AreEqual(0.074180, comparison.PValue, 1e-5);
        var same = PairedTTest.Compare(new[] { 0.5, 0.6 }, new[] { 0.5, 0.6 }, 1);
        Assert.AreEqual(1, same.PValue);
        Assert.AreEqual(1, same.CorrectedPValue);
    }

    [TestMethod]
    public void CorrectedResampledTTestOfTwoRepeatsOfThreeFolds()
    {
        // Differences 0.02, 0.01, 0.03 | 0.00, 0.04, 0.02 (k = 3 folds, r = 2 repeats, J = 6): mean 0.02, squared
        // deviations sum to 0.001, variance 0.001 / 5 = 0.0002; n_test / n_train = 1 / (k − 1) = 0.5.
        // Corrected: t = 0.02 / √((1/6 + 0.5) · 0.0002) = √3 = 1.732051, 5 degrees of freedom, p = 0.143811.
        // Plain: t = 0.02 / √(0.0002 / 6) = 2√3 = 3.464102, p = 0.017963.
        // (Student's t with 5 degrees of freedom: P(|T| ≥ t) = 1 − (2/π)(θ + sin θ cos θ (1 + ⅔ cos² θ)), θ = atan(t / √5).)
        var baseline = new[] { 0.60, 0.70, 0.80, 0.65, 0.75, 0.85 };
        var differences = new[] { 0.02, 0.01, 0.03, 0.00, 0.04, 0.02 };
        var method = baseline.Zip(differences, (b, d) => b + d).ToArray();

        var comparison = PairedTTest.Compare(method, baseline, testToTrainingRows: 0.5);

        Assert.AreEqual(0.02, comparison.MeanDifference, 1e-12);
        Assert.AreEqual(1.732051, comparison.CorrectedTStatistic, 1e-5);
        Assert.AreEqual(0.143811, comparison.CorrectedPValue, 1e-5);
        Assert.AreEqual(3.464102, comparison.TStatistic, 1e-5);
        Assert.AreEqual(0.017963, comparison.PValue, 1e-5);
        var lower = PairedTTest.Compare(baseline, method, testToTrainingRows: 0.5);
        Assert.AreEqual(-1.732051, lower.CorrectedTStatistic, 1e-5, "the sign follows the mean difference");
        Assert.AreEqual(0.143811, lower.CorrectedPValue, 1e-5, "two-sided");
    }

    [TestMethod]
    public void TheCorrectedPValueIsNeverBelowThePlainOne()
    {
        var random = new Random(5);
        foreach (var folds in new[] { 2, 3, 5, 10 })
            foreach (var repeats in new[] { 1, 2, 5 })
            {
                var scores = Enumerable.Range(0, folds * repeats).Select(_ => random.NextDouble()).ToArray();
                var baseline = scores.Select(s => s - 0.05 + 0.1 * random.NextDouble()).ToArray();
                var comparison = PairedTTest.Compare(scores, baseline, 1.0 / (folds - 1));
                Assert.IsGreaterThanOrEqualTo(comparison.PValue, comparison.CorrectedPValue, $"{folds} folds × {repeats}");
                Assert.IsLessThanOrEqualTo(Math.Abs(comparison.TStatistic), Math.Abs(comparison.CorrectedTStatistic));
            }
    }
}
