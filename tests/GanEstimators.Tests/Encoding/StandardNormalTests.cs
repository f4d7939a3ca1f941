using GanEstimators.Encoding;

namespace GanEstimators.Tests.Encoding;

/// <summary>The normal distribution and the symmetric-matrix functions the dependence calibration is built on.</summary>
[TestClass]
public sealed class StandardNormalTests
{
    [TestMethod]
    public void QuantilesMatchTablesAndInvertTheCdf()
    {
        // The Cdf is a fit good to about 1e-7, and Quantile is its inverse: table values hold to 1e-6.
        Assert.AreEqual(0, StandardNormal.Quantile(0.5), 1e-6);
        Assert.AreEqual(1.959963985, StandardNormal.Quantile(0.975), 1e-6);
        Assert.AreEqual(-2.326347874, StandardNormal.Quantile(0.01), 1e-6);
        Assert.AreEqual(-3.719016485, StandardNormal.Quantile(1e-4), 1e-5);
        Assert.AreEqual(0.841344746, StandardNormal.Cdf(1), 1e-7);
        for (var p = 1e-6; p < 1; p += 0.01)
            Assert.AreEqual(p, StandardNormal.Cdf(StandardNormal.Quantile(p)), 1e-12 + 1e-9 * p, $"share {p}");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => StandardNormal.Quantile(0));
    }

    [TestMethod]
    public void ScoresStayFiniteAtAColumnsEnds()
    {
        Assert.AreEqual(StandardNormal.Quantile(StandardNormal.ShareMargin), StandardNormal.ScoreOf(0));
        Assert.AreEqual(-StandardNormal.ScoreOf(0), StandardNormal.ScoreOf(1), 1e-9);
    }

    [TestMethod]
    public void ASymmetricMatrixIsRebuiltFromItsEigenvectors()
    {
        double[] matrix = { 1, 0.8, -0.3, 0.8, 1, 0.1, -0.3, 0.1, 1 };
        var root = SymmetricMatrix.Apply(matrix, 3, Math.Sqrt);
        var square = SymmetricMatrix.Multiply(root, root, 3);
        for (var i = 0; i < 9; i++) Assert.AreEqual(matrix[i], square[i], 1e-12, $"entry {i}");
        var inverse = SymmetricMatrix.Apply(matrix, 3, v => 1 / v);
        var identity = SymmetricMatrix.Multiply(matrix, inverse, 3);
        for (var i = 0; i < 9; i++) Assert.AreEqual(i % 4 == 0 ? 1 : 0, identity[i], 1e-12, $"entry {i}");
        Assert.IsLessThan(0, SymmetricMatrix.SmallestEigenvalue(new double[] { 1, 2, 2, 1 }, 2), "1 ± 2: one eigenvalue is negative");
    }
}
