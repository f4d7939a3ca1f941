using Orleans.TestingHost;

namespace GanEstimators.Orleans.Tests;

[TestClass]
public sealed class ClusterSamplingTests
{
    private static TestCluster _cluster = null!;

    [ClassInitialize]
    public static async Task StartCluster(TestContext context)
    {
        Assert.IsNotNull(context);
        Assert.IsTrue(File.Exists(TestModel.Path));
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    [ClassCleanup]
    public static async Task StopCluster()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    private static ClusterSamplingRequest Request(string directory, long rows, int shardRows, string? condition = null) => new()
    {
        ModelPath = TestModel.Path,
        Rows = rows,
        Seed = 11,
        Condition = condition,
        OutputDirectory = directory,
        ShardRows = shardRows,
    };

    [TestMethod]
    [DataRow(null)]
    [DataRow("high")]
    public async Task PartsAreTheBytesOfSingleProcessGeneration(string? condition)
    {
        var onCluster = Parts.NewDirectory();
        var inProcess = Parts.NewDirectory();

        var manifest = await ClusterSampling.GenerateAsync(_cluster.GrainFactory, Request(onCluster, 20_000, 3_000, condition));
        using var sampler = TestModel.Load();
        var reference = ClusterSampling.Generate(sampler, Request(inProcess, 20_000, 3_000, condition));

        Assert.HasCount(7, manifest.Shards);
        Assert.AreEqual(20_000, manifest.Shards.Sum(s => s.Rows));
        CollectionAssert.AreEqual(Enumerable.Range(0, 7).ToArray(), manifest.Shards.Select(s => s.ShardIndex).ToArray());
        var clusterBytes = Parts.Bytes(manifest, onCluster);
        var referenceBytes = Parts.Bytes(reference, inProcess);
        for (var i = 0; i < clusterBytes.Length; i++)
        {
            CollectionAssert.AreEqual(referenceBytes[i], clusterBytes[i], $"part {i}");
            Assert.AreEqual(reference.Shards[i].Sha256, manifest.Shards[i].Sha256);
        }
        Assert.IsTrue(File.Exists(Path.Combine(onCluster, ShardManifest.FileName)));
        Assert.AreEqual(Sha256Of(TestModel.Path), manifest.ModelSha256, "the manifest names the model's bytes");
        Assert.AreEqual(manifest.ModelSha256, ShardManifest.Read(Path.Combine(onCluster, ShardManifest.FileName)).ModelSha256);
        Assert.IsNull(reference.ModelSha256, "a sampler given in-process has no file to name");
        Assert.IsEmpty(Parts.Leftovers(onCluster));
        var rows = Parts.Rows(manifest, onCluster);
        CollectionAssert.AreEqual(Parts.Rows(sampler.SampleRange(0, 20_000, 11, condition)).ToArray(), rows, "the parts concatenated are one call's rows");
        if (condition is not null) Assert.IsTrue(rows.All(r => r.EndsWith("|" + condition, StringComparison.Ordinal)));
    }

    [TestMethod]
    [TestCategory("Slow")]
    public async Task AMillionRowsOnThreeSilosAreTheSingleProcessRows()
    {
        var directory = Parts.NewDirectory();

        var manifest = await ClusterSampling.GenerateAsync(_cluster.GrainFactory, TestModel.Path, 1_000_000, seed: 4, condition: null, directory);

        using var sampler = TestModel.Load();
        Assert.HasCount(16, manifest.Shards);
        Assert.IsGreaterThan(1, manifest.Shards.Select(s => s.Silo).Distinct().Count(), "the shards spread over the silos");
        CollectionAssert.AreEqual(Parts.Rows(sampler.SampleRange(0, 1_000_000, 4)).ToArray(), Parts.Rows(manifest, directory));
    }

    [TestMethod]
    public async Task TheRowsDoNotDependOnTheShardSize()
    {
        var small = Parts.NewDirectory();
        var large = Parts.NewDirectory();

        var a = await ClusterSampling.GenerateAsync(_cluster.GrainFactory, Request(small, 9_000, 1_000));
        var b = await ClusterSampling.GenerateAsync(_cluster.GrainFactory, Request(large, 9_000, 4_500));

        CollectionAssert.AreEqual(Parts.Rows(a, small), Parts.Rows(b, large));
        Assert.HasCount(9_000, Parts.Rows(a, small));
    }

    [TestMethod]
    public async Task AMissingModelIsAClearErrorAndWritesNothing()
    {
        var directory = Parts.NewDirectory();
        var request = Request(directory, 5_000, 1_000) with { ModelPath = Path.Combine(directory, "no-such-model.zip") };

        var error = await Assert.ThrowsExactlyAsync<ClusterSamplingException>(() => ClusterSampling.GenerateAsync(_cluster.GrainFactory, request));

        StringAssert.Contains(error.Message, "no-such-model.zip");
        Assert.IsEmpty(Directory.GetFiles(directory));
    }

    [TestMethod]
    public async Task AnUnknownConditionIsAClearError()
    {
        var directory = Parts.NewDirectory();

        var error = await Assert.ThrowsExactlyAsync<ClusterSamplingException>(
            () => ClusterSampling.GenerateAsync(_cluster.GrainFactory, Request(directory, 5_000, 1_000, condition: "medium")));

        StringAssert.Contains(error.Message, "medium");
        Assert.IsFalse(File.Exists(Path.Combine(directory, ShardManifest.FileName)));
        Assert.IsEmpty(Parts.Leftovers(directory));
    }

    [TestMethod]
    public async Task AnUnwritableDirectoryIsAClearErrorWithNoHalfWrittenPart()
    {
        var parent = Parts.NewDirectory();
        var file = Path.Combine(parent, "not-a-directory");
        await File.WriteAllTextAsync(file, "x");
        var missing = Path.Combine(parent, "missing");

        var underFile = await Assert.ThrowsExactlyAsync<ClusterSamplingException>(
            () => ClusterSampling.GenerateAsync(_cluster.GrainFactory, Request(Path.Combine(file, "out"), 5_000, 1_000)));
        var notThere = await Assert.ThrowsExactlyAsync<ClusterSamplingException>(
            () => ClusterSampling.GenerateAsync(_cluster.GrainFactory, Request(missing, 5_000, 1_000)));

        StringAssert.Contains(underFile.Message, "not-a-directory");
        StringAssert.Contains(notThere.Message, "missing");
        CollectionAssert.AreEqual(new[] { file }, Directory.GetFiles(parent, "*", SearchOption.AllDirectories));
    }

    [TestMethod]
    public async Task AModelFileReplacedDuringTheSampleStopsItRatherThanMixingTwoModels()
    {
        var directory = Parts.NewDirectory();
        var modelPath = Path.Combine(Parts.NewDirectory(), "model.zip");
        File.Copy(TestModel.Path, modelPath);
        _ = TestModel.OtherModelPath;   // trained before the sample starts
        // One shard at a time, each long enough that the file is replaced while many remain.
        var request = Request(directory, 2_000_000, 50_000) with { ModelPath = modelPath, MaxShardsInFlight = 1 };

        var sample = ClusterSampling.GenerateAsync(_cluster.GrainFactory, request);
        while (!File.Exists(Path.Combine(directory, "part-00000.parquet")) && !sample.IsCompleted) await Task.Delay(5);
        var replacement = modelPath + ".new";
        File.Copy(TestModel.OtherModelPath, replacement);
        File.Move(replacement, modelPath, overwrite: true);   // atomically, as a deployment would
        var error = await Assert.ThrowsExactlyAsync<ClusterSamplingException>(() => sample);

        StringAssert.Contains(error.Message, "model.zip' changed while the sample was being written");
        StringAssert.Contains(error.Message, Sha256Of(TestModel.Path));
        StringAssert.Contains(error.Message, Sha256Of(TestModel.OtherModelPath));
        Assert.IsFalse(File.Exists(Path.Combine(directory, ShardManifest.FileName)), "no manifest claims the mixed parts are one sample");
    }

    private static string Sha256Of(string path) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    [TestMethod]
    public async Task BadRequestsAreRefusedBeforeAnyShardIsSent()
    {
        var directory = Parts.NewDirectory();

        await Assert.ThrowsExactlyAsync<ArgumentOutOfRangeException>(() => ClusterSampling.GenerateAsync(_cluster.GrainFactory, Request(directory, 0, 1_000)));
        await Assert.ThrowsExactlyAsync<ArgumentOutOfRangeException>(() => ClusterSampling.GenerateAsync(_cluster.GrainFactory, Request(directory, 10, 0)));
        await Assert.ThrowsExactlyAsync<ArgumentException>(() => ClusterSampling.GenerateAsync(_cluster.GrainFactory, Request(directory, 10, 5) with { ModelPath = " " }));
    }
}
