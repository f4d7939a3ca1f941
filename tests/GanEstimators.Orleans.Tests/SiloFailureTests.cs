using Orleans.TestingHost;

namespace GanEstimators.Orleans.Tests;

[TestClass]
public sealed class SiloFailureTests
{
    [TestMethod]
    public async Task ASiloKilledMidRunLosesNoShardAndDuplicatesNone()
    {
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var directory = Parts.NewDirectory();
        var request = new ClusterSamplingRequest { ModelPath = TestModel.Path, Rows = 60_000, Seed = 3, OutputDirectory = directory, ShardRows = 1_500, MaxShardsInFlight = 6 };

        var run = ClusterSampling.GenerateAsync(cluster.GrainFactory, request);
        while (!run.IsCompleted && Directory.GetFiles(directory, "part-*").Length < 3) await Task.Delay(20);
        Assert.IsFalse(run.IsCompleted, "the silo must die while shards are still being written");
        var victim = cluster.SecondarySilos[0];
        await cluster.KillSiloAsync(victim);
        var manifest = await run;

        using var sampler = TestModel.Load();
        var referenceDirectory = Parts.NewDirectory();
        var reference = ClusterSampling.Generate(sampler, request with { OutputDirectory = referenceDirectory });
        CollectionAssert.AreEqual(Enumerable.Range(0, 40).ToArray(), manifest.Shards.Select(s => s.ShardIndex).ToArray());
        CollectionAssert.AreEqual(Parts.Rows(reference, referenceDirectory), Parts.Rows(manifest, directory));
        CollectionAssert.AreEquivalent(reference.Shards.Select(s => s.FileName).ToArray(), Directory.GetFiles(directory, "part-*").Select(Path.GetFileName).ToArray());
        await cluster.StopAllSilosAsync();
    }
}
