using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Training;

[TestClass]
public sealed class HistoryAndProgressTests
{
    [TestMethod]
    public void EveryEpochIsRecordedReportedAndLogged()
    {
        var ml = new MLContext(1);
        var logged = new List<string>();
        ml.Log += (_, e) => { lock (logged) logged.Add(e.Message); };
        var reported = new List<GanEpochMetrics>();
        var options = RingTraining.Options(GanLoss.NonSaturating, epochs: 4);
        options.ProgressCallback = reported.Add;

        var sampler = ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 400));

        Assert.HasCount(4, sampler.History.Epochs);
        CollectionAssert.AreEqual(sampler.History.Epochs.ToArray(), reported.ToArray());
        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4 }, sampler.History.Epochs.Select(e => e.Epoch).ToArray());
        foreach (var e in sampler.History.Epochs)
        {
            Assert.IsTrue(double.IsFinite(e.DiscriminatorLoss) && double.IsFinite(e.GeneratorLoss));
            Assert.IsTrue(e.MeanRealScore is > 0 and < 1, "non-saturating scores are probabilities");
            Assert.IsTrue(e.DiscriminatorAccuracy is >= 0 and <= 1);
            Assert.IsTrue(double.IsNaN(e.WassersteinEstimate));
            Assert.IsGreaterThan(0, e.GeneratorGradientNorm);
            Assert.IsGreaterThan(0, e.Seconds);
        }
        Assert.IsTrue(logged.Any(m => m.Contains("Epoch 4/4")), "epochs are reported through mlContext.Log");
        StringAssert.StartsWith(sampler.History.ToCsv(), "epoch,discriminator_loss,generator_loss");
        Assert.HasCount(5, sampler.History.ToCsv().Trim().Split('\n'));
    }

    [TestMethod]
    public void CriticsReportAWassersteinEstimateInsteadOfAccuracy()
    {
        var sampler = RingTraining.Fit(RingTraining.Options(GanLoss.Wasserstein, epochs: 2), rows: 400);
        Assert.IsTrue(sampler.History.Epochs.All(e => double.IsNaN(e.DiscriminatorAccuracy) && double.IsFinite(e.WassersteinEstimate)));
    }

    [TestMethod]
    public void ACancellationTokenStopsTraining()
    {
        var ml = new MLContext(1);
        using var cancellation = new CancellationTokenSource();
        var options = RingTraining.Options(GanLoss.NonSaturating, epochs: 1000);
        var epochs = 0;
        options.CancellationToken = cancellation.Token;
        options.ProgressCallback = _ => { if (++epochs == 2) cancellation.Cancel(); };

        Assert.ThrowsExactly<OperationCanceledException>(() => ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 400)));
        Assert.AreEqual(2, epochs);
    }

    [TestMethod]
    public void MLContextCancelExecutionStopsTraining()
    {
        // CancelExecution is internal in ML.NET 5 (its own tools call it); reach it the way they do.
        var ml = new MLContext(1);
        var cancelExecution = typeof(MLContext).GetMethod("CancelExecution", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)!;
        var options = RingTraining.Options(GanLoss.NonSaturating, epochs: 1000);
        var epochs = 0;
        options.ProgressCallback = _ => { if (++epochs == 2) cancelExecution.Invoke(ml, null); };

        Assert.ThrowsExactly<OperationCanceledException>(() => ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 400)));
        Assert.AreEqual(2, epochs);
    }
}
