using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Training;

[TestClass]
public sealed class GarbageCollectionTests
{
    [TestMethod]
    [DataRow(GanLoss.NonSaturating, DisplayName = "Adam")]
    [DataRow(GanLoss.Wasserstein, DisplayName = "RMSprop")]
    public void TrainingBesideConstantGarbageCollectionsNeitherFailsNorChangesItsResult(GanLoss loss)
    {
        // TorchSharp frees a native scalar in its finalizer; a scalar that nothing holds during its native call can be
        // freed mid-call by a collection on another thread. Collections and finalizers running all the time beside a
        // training make that likely wherever it can happen in a step (TorchSharp's own optimiser steps failed here).
        var options = RingTraining.Options(loss, epochs: 10);
        options.BatchSize = 50;
        options.Seed = 5;
        var alone = Columns.Read<float>(Fit(options).Sample(100, seed: 1), "X");

        using var stop = new CancellationTokenSource();
        var collections = 0;
        var collector = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Native scalars of another type, made and dropped here, take the memory a freed scalar leaves.
                for (var i = 0; i < 100; i++) _ = (TorchSharp.Scalar)(i % 2 == 0);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                Interlocked.Increment(ref collections);
            }
        });
        try
        {
            for (var run = 0; run < 3; run++)
                CollectionAssert.AreEqual(alone, Columns.Read<float>(Fit(options).Sample(100, seed: 1), "X"), $"run {run} beside {collections} collections");
        }
        finally
        {
            stop.Cancel();
            collector.Wait();
        }
        Assert.IsGreaterThan(0, collections, "the collections ran beside the trainings");
    }

    private static GanSampler Fit(GanTrainer.Options options)
    {
        var ml = new MLContext(1);
        return ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 2000));
    }
}
