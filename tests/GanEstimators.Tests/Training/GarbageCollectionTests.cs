using GanEstimators.Benchmarks;
using GanEstimators.Tests.Support;
using GanEstimators.Tests.Tabular;
using Microsoft.ML;

namespace GanEstimators.Tests.Training;

/// <summary>
/// TorchSharp frees a native scalar in its finalizer; a scalar that nothing holds during its native call can be freed
/// mid-call by a collection on another thread. Collections and finalizers running all the time beside a training make
/// that likely wherever it can happen (TorchSharp's own optimiser steps, its LeakyReLU and softplus failed here), so
/// each case must give, beside them, exactly what it gives alone.
/// </summary>
[TestClass]
public sealed class GarbageCollectionTests
{
    [TestMethod]
    [DataRow(GanLoss.NonSaturating, DisplayName = "ring, Adam")]
    [DataRow(GanLoss.Wasserstein, DisplayName = "ring, RMSprop")]
    public void ARingTrainingBesideConstantCollectionsNeitherFailsNorChangesItsResult(GanLoss loss)
    {
        var options = RingTraining.Options(loss, epochs: 10);
        options.BatchSize = 50;
        options.Seed = 5;
        AssertTheSameBesideCollections(() =>
        {
            var ml = new MLContext(1);
            using var sampler = ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 2000));
            return Columns.Read<float>(sampler.Sample(100, seed: 1), "X").Select(x => x.ToString("R")).ToArray();
        });
    }

    [TestMethod]
    public void AMixedTableTrainedAndSampledBesideConstantCollectionsNeitherFailsNorChangesItsRows()
    {
        // The tabular defaults: mode-specific normalisation, training by sampling, category calibration when sampling.
        AssertTheSameBesideCollections(() =>
        {
            var ml = new MLContext(1);
            using var sampler = ml.Gan().Trainer(MixedTable.Options(epochs: 3)).Fit(MixedTable.Load(ml, 600));
            var rows = sampler.Sample(200, seed: 1);
            return Columns.Text(rows, "City").Zip(Columns.Read<float>(rows, "Temperature"), (city, t) => $"{city} {t:R}").ToArray();
        });
    }

    private static void AssertTheSameBesideCollections(Func<string[]> trainAndSample)
    {
        var alone = trainAndSample();
        long collections;
        using (var pressure = new CollectionPressure())
        {
            for (var run = 0; run < 3; run++)
                CollectionAssert.AreEqual(alone, trainAndSample(), $"run {run} beside {pressure.Collections} collections");
            collections = pressure.Collections;
        }
        Assert.IsGreaterThan(0, collections, "the collections ran beside the trainings");
    }
}
