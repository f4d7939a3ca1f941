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

    private static GanTrainer.Options WithSeed(GanTrainer.Options options)
    {
        options.Seed = 77;
        return options;
    }
}
