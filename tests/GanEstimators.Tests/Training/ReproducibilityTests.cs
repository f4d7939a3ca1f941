using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Training;

[TestClass]
public sealed class ReproducibilityTests
{
    public TestContext TestContext { get; set; } = null!;

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

    [TestMethod]
    public void ModelsLoadedOnAnotherThreadLeaveASeededRunsInitialWeightsAlone()
    {
        // Every new network draws its initial weights from libtorch's one global generator, and a load builds networks
        // (then overwrites their weights). Loads running beside a seeded training must not shift its draws.
        var ml = new MLContext(3);
        var data = RingOfGaussians.Load(ml, 200);
        var options = RingTraining.Options(GanLoss.NonSaturating, epochs: 0);
        options.Seed = 11;
        // Wide layers, so that building the networks (the draws) is most of a load and a long window in a training.
        options.Mlp.GeneratorHiddenSizes = options.Mlp.DiscriminatorHiddenSizes = new[] { 512, 512 };
        var path = SavedSamplers.Save(TestContext, ml, ml.Gan().Trainer(options).Fit(data), data.Schema, "loaded-beside.zip");
        var alone = Columns.Read<float>(ml.Gan().Trainer(options).Fit(data).Sample(100, seed: 1), "X");

        using var stop = new CancellationTokenSource();
        var loads = 0;
        var loader = Task.Run(() =>
        {
            var loading = new MLContext();
            while (!stop.IsCancellationRequested)
            {
                using var loaded = (GanSampler)loading.Model.Load(path, out _);
                Interlocked.Increment(ref loads);
            }
        });
        try
        {
            SpinWait.SpinUntil(() => Volatile.Read(ref loads) > 0 || loader.IsCompleted);
            for (var run = 0; run < 50; run++)
                CollectionAssert.AreEqual(alone, Columns.Read<float>(ml.Gan().Trainer(options).Fit(data).Sample(100, seed: 1), "X"), $"run {run} beside {loads} loads");
        }
        finally
        {
            stop.Cancel();
            loader.Wait();
        }
        Assert.IsGreaterThan(0, loads, "the loads ran beside the trainings");
    }
}
