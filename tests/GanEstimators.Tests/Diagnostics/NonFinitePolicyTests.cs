using GanEstimators.Tests.Persistence;
using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Diagnostics;

[TestClass]
public sealed class NonFinitePolicyTests
{
    public TestContext TestContext { get; set; } = null!;

    private static GanTrainer.Options Exploding(GanNonFinitePolicy policy)
    {
        var options = RingTraining.Options(GanLoss.NonSaturating, epochs: 20);
        options.LearningRate = 1e30;
        options.NonFinitePolicy = policy;
        return options;
    }

    [TestMethod]
    public void ThrowNamesTheEpoch()
    {
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => RingTraining.Fit(Exploding(GanNonFinitePolicy.Throw), rows: 400));
        StringAssert.Matches(error.Message, new System.Text.RegularExpressions.Regex(@"NaN or infinite in epoch \d+"));
        StringAssert.Contains(error.Message, "RestoreLastGood");
    }

    [TestMethod]
    public void RestoreLastGoodStopsWithFiniteNetworksAndSaysSo()
    {
        var sampler = RingTraining.Fit(Exploding(GanNonFinitePolicy.RestoreLastGood), rows: 400);

        var diagnosis = sampler.History.Diagnoses.Single(d => d.Problem == GanProblem.NonFiniteLoss);
        Assert.IsLessThan(20, sampler.History.Epochs.Count);
        Assert.AreEqual(diagnosis.Epoch - 1, sampler.History.SelectedEpoch);
        Assert.IsTrue(sampler.History.Epochs.All(e => double.IsFinite(e.DiscriminatorLoss) && double.IsFinite(e.GeneratorLoss)));
        var points = Columns.Points(sampler.Sample(100, seed: 1));
        Assert.IsTrue(points.All(p => double.IsFinite(p[0]) && double.IsFinite(p[1])), "the restored generator samples finite rows");
    }

    [TestMethod]
    public void RestoreLastGoodPutsBackTheLastFiniteEpochsNetworks()
    {
        // At this rate the first epoch stays finite and a later one diverges (rates of 500-2,000 diverge in epoch 2
        // here). The run that stops one epoch before diverging trained the same epochs, so its networks, and so its
        // rows, are what the restored ones must be.
        var options = Exploding(GanNonFinitePolicy.RestoreLastGood);
        options.LearningRate = 1000;
        var restored = RingTraining.Fit(options, rows: 400);
        var divergence = restored.History.Diagnoses.Single(d => d.Problem == GanProblem.NonFiniteLoss);
        var lastGood = restored.History.SelectedEpoch;
        Assert.AreEqual(divergence.Epoch - 1, lastGood);
        Assert.IsGreaterThan(0, lastGood, "the test needs a divergence after the first epoch");

        var stopped = Exploding(GanNonFinitePolicy.RestoreLastGood);
        stopped.LearningRate = 1000;
        stopped.Epochs = lastGood;
        var reference = RingTraining.Fit(stopped, rows: 400);

        CollectionAssert.AreEqual(Columns.Points(reference.Sample(50, seed: 3)).SelectMany(p => p).ToArray(),
            Columns.Points(restored.Sample(50, seed: 3)).SelectMany(p => p).ToArray());
    }

    [TestMethod]
    [DataRow(0.0)]
    [DataRow(0.9)]
    public void ARestoredRunKeepsTheTrainingStateOfTheRunThatStoppedBeforeDiverging(double averageDecay)
    {
        // Not only the weights go back: the optimisers' moments took in the diverged epoch's non-finite gradients and
        // the random stream its draws. What resuming starts from must be, byte for byte, what the run that stopped one
        // epoch before the divergence keeps.
        var options = Exploding(GanNonFinitePolicy.RestoreLastGood);
        options.LearningRate = 1000;
        options.GeneratorAverageDecay = averageDecay;
        var restored = RingTraining.Fit(options, rows: 400);
        var lastGood = restored.History.SelectedEpoch;
        Assert.IsGreaterThan(0, lastGood, "the test needs a divergence after the first epoch");
        var stopped = Exploding(GanNonFinitePolicy.RestoreLastGood);
        stopped.LearningRate = 1000;
        stopped.GeneratorAverageDecay = averageDecay;
        stopped.Epochs = lastGood;
        var reference = RingTraining.Fit(stopped, rows: 400);
        Assert.IsTrue(restored.CanResumeTraining);

        CollectionAssert.AreEqual(KeptState(reference, "reference.zip"), KeptState(restored, "restored.zip"));
    }

    private byte[] KeptState(GanSampler sampler, string fileName)
    {
        var ml = new MLContext(1);
        return new ModelZip(SavedSamplers.Save(TestContext, ml, sampler, RingOfGaussians.Load(ml, 10).Schema, fileName)).Read("TrainingState.bin");
    }
}
