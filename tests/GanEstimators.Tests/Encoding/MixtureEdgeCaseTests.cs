using GanEstimators.Encoding;

namespace GanEstimators.Tests.Encoding;

[TestClass]
public sealed class MixtureEdgeCaseTests
{
    [TestMethod]
    public void AConstantColumnGetsOneComponentAtTheValueWithASmallPositiveSpread()
    {
        var mixture = VariationalGaussianMixture.Fit(Enumerable.Repeat(42.5, 500).ToArray());

        Assert.AreEqual(1, mixture.Count);
        Assert.AreEqual(42.5, mixture.Means[0]);
        Assert.IsGreaterThan(0.0, mixture.StandardDeviations[0]);
        Assert.IsLessThan(0.1, mixture.StandardDeviations[0]);
        Assert.AreEqual(1.0, mixture.Weights[0]);
        var probabilities = new double[1];
        mixture.Posterior(42.5, probabilities);
        Assert.AreEqual(1.0, probabilities[0]);
    }

    [TestMethod]
    [DataRow(new[] { 7.0 })]
    [DataRow(new[] { 1.0, 2.0 })]
    [DataRow(new[] { -3.0, 0.5, 0.5, 9.0, 11.0 })]
    public void FewerRowsThanComponentsStillFitAProperMixture(double[] values)
    {
        var mixture = VariationalGaussianMixture.Fit(values, maxComponents: 10);

        Assert.IsTrue(mixture.Count >= 1 && mixture.Count <= values.Distinct().Count(), MixtureRecoversModesTests.Describe(mixture));
        Assert.AreEqual(1.0, mixture.Weights.Sum(), 1e-12);
        Assert.IsTrue(mixture.StandardDeviations.All(s => s > 0 && double.IsFinite(s)), MixtureRecoversModesTests.Describe(mixture));
        Assert.IsTrue(mixture.Means.All(m => m >= values.Min() && m <= values.Max()), MixtureRecoversModesTests.Describe(mixture));
    }

    [TestMethod]
    public void NaNInputIsRejectedByName()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => VariationalGaussianMixture.Fit(new[] { 1.0, double.NaN, 3.0 }));

        StringAssert.Contains(error.Message, "NaN");
    }

    [TestMethod]
    public void PosteriorsStayFiniteAndSumToOneFarIntoTheTails()
    {
        var mixture = VariationalGaussianMixture.FromComponents([-5, 0, 8], [0.5, 1, 0.3], [0.2, 0.5, 0.3]);
        var probabilities = new double[3];

        foreach (var x in new[] { -1e6, -5, 0.3, 8, 1e6 })
        {
            mixture.Posterior(x, probabilities);
            Assert.IsTrue(probabilities.ToArray().All(p => p >= 0 && double.IsFinite(p)), $"x = {x}");
            Assert.AreEqual(1.0, probabilities.Sum(), 1e-12, $"x = {x}");
        }
        mixture.Posterior(1e6, probabilities);
        Assert.AreEqual(1.0, probabilities[1], 1e-12, "far from every mean the widest component takes all");
    }
}
