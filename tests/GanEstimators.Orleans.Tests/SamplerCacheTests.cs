using Microsoft.Extensions.Options;

namespace GanEstimators.Orleans.Tests;

[TestClass]
public sealed class SamplerCacheTests
{
    [TestMethod]
    public void OneSamplerPerFileReloadedWhenTheFileChangesAndTheOldOneKeptWhileLeased()
    {
        var path = CopyOfTheModel();
        using var cache = new SamplerCache(Options.Create(new GanClusterSamplingOptions()));

        using var first = cache.Rent(path);
        using (var again = cache.Rent(Path.Combine(Path.GetDirectoryName(path)!, ".", "model.zip")))
            Assert.AreSame(first.Sampler, again.Sampler, "the same file, the same sampler");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));   // the file replaced
        using var second = cache.Rent(path);

        Assert.AreNotSame(first.Sampler, second.Sampler);
        Assert.AreEqual(1, first.Sampler.NumberOfThreads, "the silo's thread option is applied");
        Assert.AreEqual(10, Parts.Rows(first.Sampler.SampleRange(0, 10, seed: 1)).Count(), "a sampler replaced while a shard still leases it is not disposed");
        CollectionAssert.AreEqual(Parts.Rows(first.Sampler.SampleRange(0, 50, 2)).ToArray(), Parts.Rows(second.Sampler.SampleRange(0, 50, 2)).ToArray(), "the same model, the same rows");
    }

    [TestMethod]
    public void AReplacedSamplerIsDisposedWhenItsLastLeaseEnds()
    {
        var path = CopyOfTheModel();
        using var cache = new SamplerCache(Options.Create(new GanClusterSamplingOptions()));
        var first = cache.Rent(path);
        var firstAgain = cache.Rent(path);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        using var second = cache.Rent(path);

        first.Dispose();
        first.Dispose();   // a lease ends once
        Assert.AreEqual(10, Parts.Rows(firstAgain.Sampler.SampleRange(0, 10, seed: 1)).Count(), "one lease is still held");
        firstAgain.Dispose();

        Assert.ThrowsExactly<ObjectDisposedException>(() => firstAgain.Sampler.SampleRange(0, 10, seed: 1), "no lease is left on the replaced sampler");
        Assert.AreEqual(10, Parts.Rows(second.Sampler.SampleRange(0, 10, seed: 1)).Count(), "the current one stays");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(2));
        using (var third = cache.Rent(path)) Assert.AreNotSame(second.Sampler, third.Sampler);
        Assert.AreEqual(10, Parts.Rows(second.Sampler.SampleRange(0, 10, seed: 1)).Count(), "replaced, but still leased");
    }

    [TestMethod]
    public void ASamplerReplacedWithNoLeaseIsDisposedAtOnce()
    {
        var path = CopyOfTheModel();
        using var cache = new SamplerCache(Options.Create(new GanClusterSamplingOptions()));
        GanSampler first;
        using (var lease = cache.Rent(path)) first = lease.Sampler;
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        using var second = cache.Rent(path);

        Assert.ThrowsExactly<ObjectDisposedException>(() => first.SampleRange(0, 10, seed: 1));
    }

    [TestMethod]
    public void AFileThatIsNotAModelIsAClearErrorAndIsReadAgainOnceFixed()
    {
        var directory = Parts.NewDirectory();
        var path = Path.Combine(directory, "model.zip");
        File.WriteAllText(path, "not a zip");
        using var cache = new SamplerCache(Options.Create(new GanClusterSamplingOptions()));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => cache.Rent(path));
        StringAssert.Contains(error.Message, path);

        File.Copy(TestModel.Path, path, overwrite: true);
        using var lease = cache.Rent(path);
        Assert.IsNotNull(lease.Sampler);
    }

    [TestMethod]
    public void ADisposedCacheDisposesEverySamplerItLoadedAndLoadsNoMore()
    {
        var path = CopyOfTheModel();
        var cache = new SamplerCache(Options.Create(new GanClusterSamplingOptions()));
        var first = cache.Rent(path);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var second = cache.Rent(path);

        cache.Dispose();

        Assert.ThrowsExactly<ObjectDisposedException>(() => first.Sampler.SampleRange(0, 10, seed: 1));
        Assert.ThrowsExactly<ObjectDisposedException>(() => second.Sampler.SampleRange(0, 10, seed: 1));
        Assert.ThrowsExactly<ObjectDisposedException>(() => cache.Rent(path));
        first.Dispose();   // a lease that ends after the cache does nothing more
        second.Dispose();
    }

    private static string CopyOfTheModel()
    {
        var path = Path.Combine(Parts.NewDirectory(), "model.zip");
        File.Copy(TestModel.Path, path);
        return path;
    }
}
