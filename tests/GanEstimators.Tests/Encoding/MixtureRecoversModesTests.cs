using GanEstimators.Encoding;

namespace GanEstimators.Tests.Encoding;

[TestClass]
public sealed class MixtureRecoversModesTests
{
    private static readonly double[] TrueMeans = [-5, 0, 8];
    private static readonly double[] TrueStds = [0.5, 1, 0.3];
    private static readonly double[] TrueWeights = [0.2, 0.5, 0.3];

    private static double[] ThreeModes() => MixtureSamples.Draw(3000, seed: 1, TrueMeans, TrueStds, TrueWeights);

    [TestMethod]
    public void RunToConvergenceTheDirichletProcessPrunesThreeModesToThreeComponents()
    {
        var mixture = VariationalGaussianMixture.Fit(ThreeModes(), maxIterations: 1000);

        Assert.AreEqual(3, mixture.Count, Describe(mixture));
        for (var k = 0; k < 3; k++)
        {
            Assert.AreEqual(TrueMeans[k], mixture.Means[k], 0.2, Describe(mixture));
            Assert.AreEqual(TrueWeights[k], mixture.Weights[k], 0.05, Describe(mixture));
            // The prior (data variance, pulled towards the data mean) widens narrow modes by about (var + offset²) / n_k.
            Assert.IsTrue(mixture.StandardDeviations[k] >= 0.9 * TrueStds[k] && mixture.StandardDeviations[k] <= 1.5 * TrueStds[k], Describe(mixture));
        }
    }

    // CTGAN's 100 iterations usually stop before pruning ends: a mode may still be shared by overlapping components.
    [TestMethod]
    public void WithCtganSettingsEveryModeIsCoveredWithItsWeightAndNoComponentStraysFromTheModes()
    {
        var mixture = VariationalGaussianMixture.Fit(ThreeModes());

        var weight = new double[3];
        var weightedMean = new double[3];
        for (var k = 0; k < mixture.Count; k++)
        {
            var mode = Enumerable.Range(0, 3).MinBy(j => Math.Abs(mixture.Means[k] - TrueMeans[j]));
            Assert.AreEqual(TrueMeans[mode], mixture.Means[k], 2 * TrueStds[mode], Describe(mixture));
            weight[mode] += mixture.Weights[k];
            weightedMean[mode] += mixture.Weights[k] * mixture.Means[k];
        }
        for (var mode = 0; mode < 3; mode++)
        {
            Assert.AreEqual(TrueWeights[mode], weight[mode], 0.05, Describe(mixture));
            Assert.AreEqual(TrueMeans[mode], weightedMean[mode] / weight[mode], 0.2, Describe(mixture));
        }
        Assert.AreEqual(1.0, mixture.Weights.Sum(), 1e-12);
    }

    // The DP prior prunes redundant components only slowly, so a single Gaussian is often split across several
    // overlapping components; what must hold is that together they are that Gaussian.
    [TestMethod]
    public void ASingleGaussianIsReproducedByItsKeptComponentsTogether()
    {
        var values = MixtureSamples.Draw(3000, seed: 2, [3], [2], [1]);

        var mixture = VariationalGaussianMixture.Fit(values);

        var mean = Enumerable.Range(0, mixture.Count).Sum(k => mixture.Weights[k] * mixture.Means[k]);
        var secondMoment = Enumerable.Range(0, mixture.Count)
            .Sum(k => mixture.Weights[k] * (Square(mixture.StandardDeviations[k]) + Square(mixture.Means[k])));
        Assert.AreEqual(3, mean, 0.1, Describe(mixture));
        Assert.AreEqual(2, Math.Sqrt(secondMoment - mean * mean), 0.1, Describe(mixture));
        foreach (var x in new[] { -1.0, 1, 3, 5, 7 })
        {
            var density = Enumerable.Range(0, mixture.Count)
                .Sum(k => mixture.Weights[k] * Gaussian(x, mixture.Means[k], mixture.StandardDeviations[k]));
            Assert.AreEqual(1, density / Gaussian(x, 3, 2), 0.15, $"density at {x}; {Describe(mixture)}");
        }
    }

    private static double Gaussian(double x, double mean, double std) =>
        Math.Exp(-0.5 * Square((x - mean) / std)) / (std * Math.Sqrt(2 * Math.PI));

    private static double Square(double x) => x * x;

    internal static string Describe(VariationalGaussianMixture mixture) => string.Join("; ",
        Enumerable.Range(0, mixture.Count).Select(k => $"N({mixture.Means[k]:F3}, {mixture.StandardDeviations[k]:F3}²)×{mixture.Weights[k]:F3}"));
}
