using GanEstimators.Losses;
using GanEstimators.Training;
using static TorchSharp.torch;

namespace GanEstimators.Tests.Training;

/// <summary>
/// The epoch meter keeps each step's tensors and reduces them in folds; what it reports must be the mean of the
/// steps' own values, across fold boundaries and after a reset, whatever dispose scope the steps ran in.
/// </summary>
[TestClass]
public sealed class EpochMeterTests
{
    private const int Rows = 8;

    [TestMethod]
    public void AnEpochLongerThanOneFoldReportsTheMeansOfItsSteps()
    {
        var steps = EpochMeter.FoldEvery * 2 + 37;
        var loss = AdversarialLossFactory.Create(GanLoss.NonSaturating, null, null);
        using var meter = new EpochMeter(loss, CPU);
        var expected = Feed(meter, steps, seed: 1, out _);

        var metrics = meter.Read(epoch: 3, seconds: 1.5);

        Assert.AreEqual(3, metrics.Epoch);
        Assert.AreEqual(1.5, metrics.Seconds);
        Assert.AreEqual(expected.DiscriminatorLoss, metrics.DiscriminatorLoss, 1e-5);
        Assert.AreEqual(expected.GeneratorLoss, metrics.GeneratorLoss, 1e-5);
        Assert.AreEqual(expected.MeanReal, metrics.MeanRealScore, 1e-5);
        Assert.AreEqual(expected.MeanFake, metrics.MeanFakeScore, 1e-5);
        Assert.AreEqual(expected.GradientNorm, metrics.GeneratorGradientNorm, 1e-5);
        Assert.AreEqual(expected.Accuracy, metrics.DiscriminatorAccuracy, 1e-6);
        Assert.IsTrue(double.IsNaN(metrics.WassersteinEstimate));
    }

    [TestMethod]
    public void ACriticReportsRawScoresAndTheirDifferenceButNoAccuracy()
    {
        var loss = AdversarialLossFactory.Create(GanLoss.WassersteinGradientPenalty, null, 10);
        using var meter = new EpochMeter(loss, CPU);
        var expected = Feed(meter, 300, seed: 2, out var raw);

        var metrics = meter.Read(epoch: 1, seconds: 0);

        Assert.AreEqual(raw.MeanReal, metrics.MeanRealScore, 1e-5);
        Assert.AreEqual(raw.MeanFake, metrics.MeanFakeScore, 1e-5);
        Assert.AreEqual(raw.MeanReal - raw.MeanFake, metrics.WassersteinEstimate, 1e-5);
        Assert.AreEqual(expected.DiscriminatorLoss, metrics.DiscriminatorLoss, 1e-5);
        Assert.IsTrue(double.IsNaN(metrics.DiscriminatorAccuracy));
    }

    [TestMethod]
    public void ResetForgetsTheStepsOfTheEpochBefore()
    {
        var loss = AdversarialLossFactory.Create(GanLoss.NonSaturating, null, null);
        using var meter = new EpochMeter(loss, CPU);
        Feed(meter, 100, seed: 3, out _);
        meter.Reset();
        var expected = Feed(meter, 10, seed: 4, out _);

        var metrics = meter.Read(epoch: 2, seconds: 0);

        Assert.AreEqual(expected.GeneratorLoss, metrics.GeneratorLoss, 1e-5);
        Assert.AreEqual(expected.Accuracy, metrics.DiscriminatorAccuracy, 1e-6);
    }

    private sealed record Means(double DiscriminatorLoss, double GeneratorLoss, double MeanReal, double MeanFake, double GradientNorm, double Accuracy);

    /// <summary>Hands the meter <paramref name="steps"/> steps of random values, each made in a dispose scope that ends with the step, as training does; returns the means the meter should report (scores interpreted as probabilities) and, in <paramref name="raw"/>, those of the raw scores.</summary>
    private static Means Feed(EpochMeter meter, int steps, int seed, out Means raw)
    {
        var random = new Random(seed);
        double dLoss = 0, gLoss = 0, real = 0, fake = 0, realRaw = 0, fakeRaw = 0, norm = 0, accuracy = 0;
        for (var step = 0; step < steps; step++)
        {
            var realScores = Enumerable.Range(0, Rows).Select(_ => (float)(random.NextDouble() * 4 - 1)).ToArray();
            var fakeScores = Enumerable.Range(0, Rows).Select(_ => (float)(random.NextDouble() * 4 - 3)).ToArray();
            var (d, g, n) = ((float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble());
            using (NewDisposeScope())
            {
                meter.Add(tensor(d), tensor(g), tensor(realScores, new long[] { Rows, 1 }), tensor(fakeScores, new long[] { Rows, 1 }), tensor(n));
            }
            dLoss += d;
            gLoss += g;
            norm += n;
            real += realScores.Average(s => 1 / (1 + Math.Exp(-s)));
            fake += fakeScores.Average(s => 1 / (1 + Math.Exp(-s)));
            realRaw += realScores.Average(s => (double)s);
            fakeRaw += fakeScores.Average(s => (double)s);
            accuracy += (realScores.Count(s => s > 0) + fakeScores.Count(s => s <= 0)) / (2.0 * Rows);
        }
        raw = new Means(dLoss / steps, gLoss / steps, realRaw / steps, fakeRaw / steps, norm / steps, double.NaN);
        return new Means(dLoss / steps, gLoss / steps, real / steps, fake / steps, norm / steps, accuracy / steps);
    }
}
