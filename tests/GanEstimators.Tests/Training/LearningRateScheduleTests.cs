using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Training;

/// <summary>Options.LearningRateSchedule: the rate of every epoch, in the history, and that resuming continues the schedule exactly.</summary>
[TestClass]
public sealed class LearningRateScheduleTests
{
    public TestContext TestContext { get; set; } = null!;

    private static GanTrainer.Options Options(int epochs, GanLearningRateSchedule schedule = GanLearningRateSchedule.Constant, int? decayEpochs = null)
    {
        var options = RingTraining.Options(GanLoss.WassersteinGradientPenalty, epochs, condition: "Mode");
        options.Seed = 77;
        options.LearningRateSchedule = schedule;
        options.LearningRateDecayEpochs = decayEpochs;
        return options;
    }

    private static GanSampler Fit(GanTrainer.Options options, GanSampler? resumeFrom = null)
    {
        var ml = new MLContext(5);
        return ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 400), resumeFrom);
    }

    [TestMethod]
    public void AConstantScheduleRecordsTheBaseRatesOfBothNetworks()
    {
        var options = Options(3);
        options.DiscriminatorLearningRate = 4e-4;
        using var sampler = Fit(options);

        CollectionAssert.AreEqual(new[] { 1e-4, 1e-4, 1e-4 }, sampler.History.Epochs.Select(e => e.GeneratorLearningRate).ToArray(), "WGAN-GP's default rate");
        CollectionAssert.AreEqual(new[] { 4e-4, 4e-4, 4e-4 }, sampler.History.Epochs.Select(e => e.DiscriminatorLearningRate).ToArray());
        StringAssert.Contains(sampler.History.ToCsv().Split('\n')[0], "generator_learning_rate,discriminator_learning_rate");
    }

    [TestMethod]
    public void LinearDecayFallsTowardsZeroOverTheLastEpochsFromEachNetworksOwnRate()
    {
        var options = Options(6, GanLearningRateSchedule.Linear, decayEpochs: 3);
        options.LearningRate = 2e-4;
        options.DiscriminatorLearningRate = 8e-4;
        using var sampler = Fit(options);

        var factors = new[] { 1, 1, 1, 0.75, 0.5, 0.25 };
        AssertClose(factors.Select(f => 2e-4 * f), sampler.History.Epochs.Select(e => e.GeneratorLearningRate));
        AssertClose(factors.Select(f => 8e-4 * f), sampler.History.Epochs.Select(e => e.DiscriminatorLearningRate));

        var csv = Path.GetTempFileName();
        try
        {
            File.WriteAllText(csv, sampler.History.ToCsv());
            AssertClose(factors.Select(f => 2e-4 * f), GanEstimators.Plots.TrainingHistoryCsv.Read(csv).Select(e => e.GeneratorLearningRate));
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [TestMethod]
    public void CosineDecayWithoutDecayEpochsSpansTheWholeRun()
    {
        using var sampler = Fit(Options(4, GanLearningRateSchedule.Cosine));

        var expected = Enumerable.Range(1, 4).Select(k => 1e-4 * (1 + Math.Cos(Math.PI * k / 5)) / 2);
        AssertClose(expected, sampler.History.Epochs.Select(e => e.GeneratorLearningRate));
    }

    [TestMethod]
    public void TheScheduleChangesTrainingOnlyFromTheFirstDecayingEpoch()
    {
        using var constant = Fit(Options(4));
        using var decayed = Fit(Options(4, GanLearningRateSchedule.Linear, decayEpochs: 2));

        var constantLosses = constant.History.Epochs.Select(e => e.GeneratorLoss).ToArray();
        var decayedLosses = decayed.History.Epochs.Select(e => e.GeneratorLoss).ToArray();
        CollectionAssert.AreEqual(constantLosses[..2], decayedLosses[..2], "epochs before the decay train at the base rates, exactly as a constant schedule");
        Assert.AreNotEqual(constantLosses[3], decayedLosses[3], "the decaying epochs train at lower rates");
    }

    [TestMethod]
    public void AResumedRunContinuesTheScheduleExactly()
    {
        var ml = new MLContext(5);
        var data = RingOfGaussians.Load(ml, 400);
        using var straight = ml.Gan().Trainer(Options(6, GanLearningRateSchedule.Linear, decayEpochs: 4)).Fit(data);

        // The first part stops inside the decay (epochs 3-6), so it names the whole schedule's length.
        var firstPart = Options(4, GanLearningRateSchedule.Linear, decayEpochs: 4);
        firstPart.LearningRateScheduleEpochs = 6;
        using var first = ml.Gan().Trainer(firstPart).Fit(data);
        using var loaded = SavedSamplers.SaveAndReload(TestContext, ml, first, data.Schema, "part.zip");
        using var resumed = ml.Gan().Trainer(Options(2, GanLearningRateSchedule.Linear, decayEpochs: 4)).Fit(data, loaded);

        CollectionAssert.AreEqual(straight.History.Epochs.Select(e => e.GeneratorLearningRate).ToArray(), resumed.History.Epochs.Select(e => e.GeneratorLearningRate).ToArray());
        CollectionAssert.AreEqual(straight.History.Epochs.Select(e => e.GeneratorLoss).ToArray(), resumed.History.Epochs.Select(e => e.GeneratorLoss).ToArray(),
            "same rates, optimiser state and random stream: the resumed run repeats the uninterrupted one");
        CollectionAssert.AreEqual(Columns.Read<float>(straight.Sample(100, "m2", seed: 1), "Y"), Columns.Read<float>(resumed.Sample(100, "m2", seed: 1), "Y"));
    }

    [TestMethod]
    public void ScheduleOptionsOutOfRangeNameTheOptionAndTheFix()
    {
        var zero = Options(4, GanLearningRateSchedule.Linear, decayEpochs: 0);
        Assert.AreEqual("LearningRateDecayEpochs", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Fit(zero)).ParamName);

        var tooLong = Options(4, GanLearningRateSchedule.Cosine, decayEpochs: 5);
        var error = Assert.ThrowsExactly<ArgumentException>(() => Fit(tooLong));
        Assert.AreEqual("LearningRateDecayEpochs", error.ParamName);
        StringAssert.Contains(error.Message, "give at most 4");

        var endsEarly = Options(4, GanLearningRateSchedule.Linear);
        endsEarly.LearningRateScheduleEpochs = 3;
        error = Assert.ThrowsExactly<ArgumentException>(() => Fit(endsEarly));
        Assert.AreEqual("LearningRateScheduleEpochs", error.ParamName);
        StringAssert.Contains(error.Message, "give at least 4");

        var constant = Options(4, decayEpochs: 2);
        error = Assert.ThrowsExactly<ArgumentException>(() => Fit(constant));
        StringAssert.Contains(error.Message, "set LearningRateSchedule to Linear or Cosine");

        var unknown = Options(4);
        unknown.LearningRateSchedule = (GanLearningRateSchedule)7;
        Assert.AreEqual("LearningRateSchedule", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Fit(unknown)).ParamName);
    }

    private static void AssertClose(IEnumerable<double> expected, IEnumerable<double> actual)
    {
        var (e, a) = (expected.ToArray(), actual.ToArray());
        Assert.HasCount(e.Length, a);
        for (var i = 0; i < e.Length; i++) Assert.AreEqual(e[i], a[i], e[i] * 1e-12, $"epoch {i + 1}");
    }
}
