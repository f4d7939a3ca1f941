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
        var comparison = PairedTTest.Compare(new[] { 0.52, 0.61, 0.73 }, new[] { 0.50, 0.60, 0.70 });
        Assert.AreEqual(0.02, comparison.MeanDifference, 1e-12);
        Assert.AreEqual(3.4641, comparison.TStatistic, 1e-4);
        Assert.AreEqual(0.074180, comparison.PValue, 1e-5);
        Assert.AreEqual(1, PairedTTest.Compare(new[] { 0.5, 0.6 }, new[] { 0.5, 0.6 }).PValue);
    }
}
