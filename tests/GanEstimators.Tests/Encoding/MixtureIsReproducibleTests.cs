using GanEstimators.Encoding;

namespace GanEstimators.Tests.Encoding;

[TestClass]
public sealed class MixtureIsReproducibleTests
{
    private static double[] Values() => MixtureSamples.Draw(2000, seed: 3, [-2, 1, 6], [0.7, 0.4, 1.5], [0.3, 0.3, 0.4]);

    [TestMethod]
    public void TheSameSeedGivesTheSameFitBitForBit()
    {
        var first = VariationalGaussianMixture.Fit(Values(), seed: 5);
        var second = VariationalGaussianMixture.Fit(Values(), seed: 5);

        AssertIdentical(first, second);
    }

    [TestMethod]
    public void RowOrderDoesNotChangeTheFit()
    {
        var values = Values();
        var shuffled = values.ToArray();
        new Random(9).Shuffle(shuffled);

        AssertIdentical(VariationalGaussianMixture.Fit(values, seed: 5), VariationalGaussianMixture.Fit(shuffled, seed: 5));
    }

    [TestMethod]
    public void SaveThenLoadGivesExactlyTheSamePosteriors()
    {
        var mixture = VariationalGaussianMixture.Fit(Values());
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) mixture.Save(writer);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);

        var loaded = VariationalGaussianMixture.Load(reader);

        AssertIdentical(mixture, loaded);
        var expected = new double[mixture.Count];
        var actual = new double[loaded.Count];
        foreach (var x in new[] { -4.0, -2, 0, 1, 3.3, 6, 10 })
        {
            mixture.Posterior(x, expected);
            loaded.Posterior(x, actual);
            CollectionAssert.AreEqual(expected, actual, $"x = {x}");
        }
    }

    private static void AssertIdentical(VariationalGaussianMixture expected, VariationalGaussianMixture actual)
    {
        CollectionAssert.AreEqual(expected.Means.ToArray(), actual.Means.ToArray());
        CollectionAssert.AreEqual(expected.StandardDeviations.ToArray(), actual.StandardDeviations.ToArray());
        CollectionAssert.AreEqual(expected.Weights.ToArray(), actual.Weights.ToArray());
    }
}
