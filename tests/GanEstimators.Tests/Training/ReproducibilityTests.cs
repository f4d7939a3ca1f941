using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Training;

[TestClass]
public sealed class ReproducibilityTests
{
    private static GanSampler FitWithContextSeed(int seed)
    {
        var ml = new MLContext(seed);
        return ml.Gan().Trainer(RingTraining.Options(GanLoss.WassersteinGradientPenalty, epochs: 2, condition: "Mode"))
            .Fit(RingOfGaussians.Load(ml, 400));
    }

    [TestMethod]
    public void TheSameContextSeedGivesIdenticalHistoriesAndSamples()
    {
        var first = FitWithContextSeed(7);
        var second = FitWithContextSeed(7);

        CollectionAssert.AreEqual(
            first.History.Epochs.Select(e => e with { Seconds = 0 }).ToArray(),
            second.History.Epochs.Select(e => e with { Seconds = 0 }).ToArray());
        CollectionAssert.AreEqual(Columns.Read<float>(first.Sample(200), "X"), Columns.Read<float>(second.Sample(200), "X"));
        CollectionAssert.AreEqual(Columns.Read<float>(first.Sample(200, "m1", seed: 4), "Y"), Columns.Read<float>(second.Sample(200, "m1", seed: 4), "Y"));
    }

    [TestMethod]
    public void DifferentSeedsGiveDifferentModelsAndSampleSeedsDifferentRows()
    {
        var first = FitWithContextSeed(7);
        var other = FitWithContextSeed(8);

        CollectionAssert.AreNotEqual(Columns.Read<float>(first.Sample(50, seed: 1), "X"), Columns.Read<float>(other.Sample(50, seed: 1), "X"));
        CollectionAssert.AreNotEqual(Columns.Read<float>(first.Sample(50, seed: 1), "X"), Columns.Read<float>(first.Sample(50, seed: 2), "X"));
    }

    [TestMethod]
    public void AnExplicitOptionsSeedOverridesTheContext()
    {
        GanSampler Fit(int contextSeed)
        {
            var ml = new MLContext(contextSeed);
            var options = RingTraining.Options(GanLoss.Hinge, epochs: 1);
            options.Seed = 123;
            return ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 200));
        }

        Assert.AreEqual(123, Fit(1).Seed);
        CollectionAssert.AreEqual(Columns.Read<float>(Fit(1).Sample(20, seed: 3), "X"), Columns.Read<float>(Fit(2).Sample(20, seed: 3), "X"));
    }
}
