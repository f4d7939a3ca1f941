using Microsoft.Extensions.Options;

namespace GanEstimators.Orleans.Tests;

[TestClass]
public sealed class SamplerCacheTests
{
    [TestMethod]
    public void OneSamplerPerFileReloadedWhenTheFileChangesWithoutDisposingTheOldOne()
    {
        var directory = Parts.NewDirectory();
        var path = Path.Combine(directory, "model.zip");
        File.Copy(TestModel.Path, path);
        using var cache = new SamplerCache(Options.Create(new GanClusterSamplingOptions()));

        var first = cache.Get(path);
        Assert.AreSame(first, cache.Get(Path.Combine(directory, ".", "model.zip")), "the same file, the same sampler");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));   // the file replaced
        var second = cache.Get(path);

        Assert.AreNotSame(first, second);
        Assert.AreEqual(1, first.NumberOfThreads, "the silo's thread option is applied");
        Assert.AreEqual(10, Parts.Rows(first.SampleRange(0, 10, seed: 1)).Count(), "a sampler replaced while a shard may still use it is not disposed");
        CollectionAssert.AreEqual(Parts.Rows(first.SampleRange(0, 50, 2)).ToArray(), Parts.Rows(second.SampleRange(0, 50, 2)).ToArray(), "the same model, the same rows");
    }

    [TestMethod]
    public void AFileThatIsNotAModelIsAClearErrorAndIsReadAgainOnceFixed()
    {
        var directory = Parts.NewDirectory();
        var path = Path.Combine(directory, "model.zip");
        File.WriteAllText(path, "not a zip");
        using var cache = new SamplerCache(Options.Create(new GanClusterSamplingOptions()));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => cache.Get(path));
        StringAssert.Contains(error.Message, path);

        File.Copy(TestModel.Path, path, overwrite: true);
        Assert.IsNotNull(cache.Get(path));
    }

    [TestMethod]
    public void ADisposedCacheDisposesEverySamplerItLoadedAndLoadsNoMore()
    {
        var directory = Parts.NewDirectory();
        var path = Path.Combine(directory, "model.zip");
        File.Copy(TestModel.Path, path);
        var cache = new SamplerCache(Options.Create(new GanClusterSamplingOptions()));
        var first = cache.Get(path);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var second = cache.Get(path);

        cache.Dispose();

        Assert.ThrowsExactly<ObjectDisposedException>(() => first.SampleRange(0, 10, seed: 1));
        Assert.ThrowsExactly<ObjectDisposedException>(() => second.SampleRange(0, 10, seed: 1));
        Assert.ThrowsExactly<ObjectDisposedException>(() => cache.Get(path));
    }
}
