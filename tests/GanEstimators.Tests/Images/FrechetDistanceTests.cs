using GanEstimators.Evaluation.Images;

namespace GanEstimators.Tests.Images;

[TestClass]
public sealed class FrechetDistanceTests
{
    [TestMethod]
    public void ASetIsAtDistanceZeroFromItself()
    {
        var features = Gaussian(new Random(1), 500, new[] { 0.0, 1, 2, 3, 4, 5, 6, 7 }, new[] { 1.0, 2, 0.5, 1, 3, 1, 0.1, 1 });

        Assert.AreEqual(0, FrechetDistance.Compute(features, features), 1e-6);
    }

    [TestMethod]
    public void GaussiansWithDiagonalCovariancesMatchTheClosedForm()
    {
        double[] mean1 = { 0, 1, -2 }, mean2 = { 1, 1, 0 };
        double[] variance1 = { 1, 4, 9 }, variance2 = { 4, 1, 9 };

        var distance = FrechetDistance.BetweenGaussians(mean1, Diagonal(variance1), mean2, Diagonal(variance2));

        // With diagonal covariances the distance is ‖μ₁ − μ₂‖² + Σ (σ₁ − σ₂)²: 1 + 4 + (1 + 1 + 0) = 7.
        Assert.AreEqual(7, distance, 1e-9);
    }

    [TestMethod]
    public void CovariancesThatDoNotCommuteMatchTheTwoByTwoTraceFormula()
    {
        var covariance1 = new double[,] { { 2, 1 }, { 1, 2 } };
        var covariance2 = new double[,] { { 1, 0 }, { 0, 3 } };

        var distance = FrechetDistance.BetweenGaussians(new double[2], covariance1, new[] { 1.0, 0 }, covariance2);

        // For 2×2 matrices with non-negative eigenvalues Tr(√A) = √(Tr A + 2√det A); here A = Σ₁Σ₂, Tr A = 8, det A = 9.
        var traceOfRoot = Math.Sqrt(8 + 2 * Math.Sqrt(9));
        Assert.AreEqual(1 + 4 + 4 - 2 * traceOfRoot, distance, 1e-9);
    }

    [TestMethod]
    public void SamplesOfTwoGaussiansComeCloseToTheirClosedForm()
    {
        double[] mean1 = { 0, 0, 0, 0 }, mean2 = { 1, 0, -1, 0.5 };
        double[] deviation1 = { 1, 2, 1, 1 }, deviation2 = { 1, 1, 2, 1.5 };
        var random = new Random(2);

        var distance = FrechetDistance.Compute(Gaussian(random, 20_000, mean1, deviation1), Gaussian(random, 20_000, mean2, deviation2));

        var expected = mean1.Zip(mean2, (a, b) => (a - b) * (a - b)).Sum() + deviation1.Zip(deviation2, (a, b) => (a - b) * (a - b)).Sum();
        Assert.AreEqual(expected, distance, 0.05 * expected);
    }

    [TestMethod]
    public void SetsOfDifferentWidthsAreRejected()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => FrechetDistance.Compute(new float[3, 2], new float[3, 4]));

        StringAssert.Contains(error.Message, "2 and 4 columns");
    }

    [TestMethod]
    public void ASingleRowIsRejected()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => FrechetDistance.Compute(new float[1, 2], new float[3, 2]));

        Assert.AreEqual("first", error.ParamName);
    }

    private static double[,] Diagonal(double[] values)
    {
        var matrix = new double[values.Length, values.Length];
        for (var i = 0; i < values.Length; i++) matrix[i, i] = values[i];
        return matrix;
    }

    private static float[,] Gaussian(Random random, int rows, double[] mean, double[] deviation)
    {
        var values = new float[rows, mean.Length];
        for (var r = 0; r < rows; r++)
            for (var d = 0; d < mean.Length; d++)
            {
                var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                values[r, d] = (float)(mean[d] + deviation[d] * normal);
            }
        return values;
    }
}
