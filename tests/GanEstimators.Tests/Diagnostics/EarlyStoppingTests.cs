using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Diagnostics;

[TestClass]
public sealed class EarlyStoppingTests
{
    private static GanTrainer.Options WithEarlyStopping(int epochs, int patience)
    {
        var options = RingTraining.Options(GanLoss.NonSaturating, epochs);
        options.LearningRate = 3e-3;   // fast, noisy progress: quality peaks, then wanders
        options.EarlyStopping = new GanEarlyStopping { EvaluateEveryEpochs = 2, Patience = patience, MinimumImprovement = 0 };
        return options;
    }

    [TestMethod]
    public void StopsAndKeepsTheBestEvaluatedGenerator()
    {
        var stopped = RingTraining.Fit(WithEarlyStopping(epochs: 400, patience: 4));
        var history = stopped.History;

        Assert.IsTrue(history.StoppedEarly, "training should stop before 400 epochs");
        Assert.IsLessThan(400, history.Epochs.Count);
        var evaluated = history.Epochs.Where(e => !double.IsNaN(e.HeldOutEnergyDistance)).ToArray();
        Assert.AreEqual(evaluated.MinBy(e => e.HeldOutEnergyDistance)!.Epoch, history.SelectedEpoch);
        Assert.AreEqual(history.SelectedEpoch + 4 * 2, history.Epochs[^1].Epoch, "stops after `patience` evaluations without improvement");

        // The same run cut at the best epoch (no early stop) ends with the very same generator.
        var cut = RingTraining.Fit(WithEarlyStopping(epochs: history.SelectedEpoch, patience: 1000));
        Assert.AreEqual(history.SelectedEpoch, cut.History.SelectedEpoch);
        CollectionAssert.AreEqual(Columns.Read<float>(cut.Sample(200, seed: 3), "X"), Columns.Read<float>(stopped.Sample(200, seed: 3), "X"));

        // Resumed for no epoch, the sampler still holds the best epoch's generator, and nothing stopped early.
        var ml = new MLContext(1);
        var ring = RingOfGaussians.Load(ml, 2000, 0.05);
        var again = RingTraining.Options(GanLoss.NonSaturating, epochs: 0);
        again.LearningRate = 3e-3;
        using var unchanged = ml.Gan().Trainer(again).Fit(ring, stopped);
        Assert.AreEqual(history.SelectedEpoch, unchanged.History.SelectedEpoch, "no epoch trained: still the best one's generator");
        Assert.IsFalse(unchanged.History.StoppedEarly, "a run of 0 epochs trains them all");
        CollectionAssert.AreEqual(Columns.Read<float>(stopped.Sample(200, seed: 3), "X"), Columns.Read<float>(unchanged.Sample(200, seed: 3), "X"));
        again.Epochs = 2;
        using var resumed = ml.Gan().Trainer(again).Fit(ring, stopped);
        Assert.AreEqual(history.Epochs[^1].Epoch + 2, resumed.History.SelectedEpoch);
        Assert.IsFalse(resumed.History.StoppedEarly, "the resumed run trained every epoch it was asked for");
    }

    [TestMethod]
    public void EarlyStoppingOptionsChangedAfterTheTrainerWasMadeAreCheckedWhenItFits()
    {
        var options = WithEarlyStopping(epochs: 4, patience: 2);
        var trainer = new MLContext(1).Gan().Trainer(options);
        options.EarlyStopping!.EvaluateEveryEpochs = 0;

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => trainer.Fit(RingOfGaussians.Load(new MLContext(1), 400)));
        StringAssert.Contains(error.Message, "EarlyStopping.EvaluateEveryEpochs");
    }

    [TestMethod]
    public void TooFewRowsToHoldOutIsExplained()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => RingTraining.Fit(WithEarlyStopping(10, 2), rows: 80));
        StringAssert.Contains(error.Message, "Early stopping holds out");
    }
}
