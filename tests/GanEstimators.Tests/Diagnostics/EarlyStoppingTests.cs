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
    }

    [TestMethod]
    public void TooFewRowsToHoldOutIsExplained()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => RingTraining.Fit(WithEarlyStopping(10, 2), rows: 80));
        StringAssert.Contains(error.Message, "Early stopping holds out");
    }
}
