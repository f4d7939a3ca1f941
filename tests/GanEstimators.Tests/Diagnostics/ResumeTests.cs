using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Diagnostics;

[TestClass]
public sealed class ResumeTests
{
    public TestContext TestContext { get; set; } = null!;

    private static GanTrainer.Options Options(int epochs) =>
        RingTraining.Options(GanLoss.WassersteinGradientPenalty, epochs, condition: "Mode");

    [TestMethod]
    public void ASavedSamplerResumesExactlyWhereItStopped()
    {
        var ml = new MLContext(5);
        var data = RingOfGaussians.Load(ml, 600);
        var straight = ml.Gan().Trainer(WithSeed(Options(6))).Fit(data);

        var firstHalf = ml.Gan().Trainer(WithSeed(Options(3))).Fit(data);
        var loaded = SavedSamplers.SaveAndReload(TestContext, ml, firstHalf, data.Schema, "half.zip");
        Assert.IsTrue(loaded.CanResumeTraining);

        var resumed = ml.Gan().Trainer(WithSeed(Options(3))).Fit(data, resumeFrom: loaded);

        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4, 5, 6 }, resumed.History.Epochs.Select(e => e.Epoch).ToArray());
        CollectionAssert.AreEqual(
            straight.History.Epochs.Select(e => e.GeneratorLoss).ToArray(),
            resumed.History.Epochs.Select(e => e.GeneratorLoss).ToArray(),
            "same optimiser state, same random stream: the resumed run repeats the uninterrupted one");
        CollectionAssert.AreEqual(Columns.Read<float>(straight.Sample(100, "m2", seed: 1), "Y"), Columns.Read<float>(resumed.Sample(100, "m2", seed: 1), "Y"));
        Assert.HasCount(3, loaded.History.Epochs, "the sampler resumed from is left as it was");
    }

    [TestMethod]
    public void ResumingNeedsTrainingStateAndMatchingOptions()
    {
        var ml = new MLContext(5);
        var data = RingOfGaussians.Load(ml, 300);
        var withoutState = Options(1);
        withoutState.KeepTrainingState = false;
        var lean = ml.Gan().Trainer(withoutState).Fit(data);
        Assert.IsFalse(lean.CanResumeTraining);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(Options(1)).Fit(data, lean)).Message, "KeepTrainingState");

        var sampler = ml.Gan().Trainer(Options(1)).Fit(data);
        var packed = Options(1);
        packed.PacSize = 2;
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(packed).Fit(data, sampler)).Message, "PacSize");

        var residual = Options(1);
        residual.Architecture = GanArchitecture.Residual;
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(residual).Fit(data, sampler)).Message, "the sampler has Mlp networks, Options.Architecture says Residual");

        var otherOptimizer = Options(1);
        otherOptimizer.Optimizer = GanOptimizer.RmsProp;
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(otherOptimizer).Fit(data, sampler)).Message, "Optimizer Adam, the options say RmsProp");
        var otherBeta2 = Options(1);
        otherBeta2.Beta2 = 0.999;
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(otherBeta2).Fit(data, sampler)).Message, "Beta2 0.9, the options say 0.999");
        var sameBetas = Options(1);
        sameBetas.Beta1 = 0.5;
        sameBetas.Beta2 = 0.9;
        Assert.HasCount(2, ml.Gan().Trainer(sameBetas).Fit(data, sampler).History.Epochs, "the saved betas, given again, resume");
    }

    [TestMethod]
    public void ResumingWithMissingValuesInAColumnThatHadNoneNamesIt()
    {
        var ml = new MLContext(5);
        var rows = Tabular.MixedTable.Rows(400, seed: 3);
        var complete = ml.Data.LoadFromEnumerable(rows.Where(r => !float.IsNaN(r.Rainfall)));
        using var sampler = ml.Gan().Trainer(Tabular.MixedTable.Options(1)).Fit(complete);
        var error = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(Tabular.MixedTable.Options(1)).Fit(ml.Data.LoadFromEnumerable(rows), sampler));
        StringAssert.Contains(error.Message, "Feature column 'Rainfall' had no missing values");
    }

    [TestMethod]
    public void ALearningRateGivenWhenResumingReplacesTheSavedOneAndIsSavedInItsPlace()
    {
        var ml = new MLContext(5);
        var data = RingOfGaussians.Load(ml, 600);
        var start = SavedSamplers.SaveAndReload(TestContext, ml, ml.Gan().Trainer(WithSeed(Options(2))).Fit(data), data.Schema, "start.zip");
        var atSavedRate = ml.Gan().Trainer(WithSeed(Options(2))).Fit(data, start);
        var almostFrozen = WithSeed(Options(2));
        almostFrozen.LearningRate = 1e-12;
        var slowed = ml.Gan().Trainer(almostFrozen).Fit(data, start);
        var movedAtSavedRate = Moved(start, atSavedRate);
        var movedSlowed = Moved(start, slowed);
        Assert.IsLessThan(movedAtSavedRate / 20, movedSlowed, $"moved {movedSlowed} at the new rate, {movedAtSavedRate} at the saved one");

        // The new rate is the sampler's from then on: resumed again without a rate, it keeps it.
        var reloaded = SavedSamplers.SaveAndReload(TestContext, ml, slowed, data.Schema, "slowed.zip");
        var again = ml.Gan().Trainer(WithSeed(Options(2))).Fit(data, reloaded);
        Assert.IsLessThan(movedAtSavedRate / 20, Moved(reloaded, again));
    }

    /// <summary>How far the same noise's rows moved between two samplers: the mean absolute change of X and Y.</summary>
    private static double Moved(GanSampler before, GanSampler after)
    {
        double Change(string column) => Columns.Read<float>(before.Sample(500, "m2", seed: 3), column)
            .Zip(Columns.Read<float>(after.Sample(500, "m2", seed: 3), column), (a, b) => (double)Math.Abs(a - b)).Average();
        return (Change("X") + Change("Y")) / 2;
    }

    private static GanTrainer.Options WithSeed(GanTrainer.Options options)
    {
        options.Seed = 77;
        return options;
    }
}
