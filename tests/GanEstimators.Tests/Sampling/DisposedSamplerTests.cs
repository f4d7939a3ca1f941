using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Sampling;

[TestClass]
public sealed class DisposedSamplerTests
{
    private static GanSampler DisposedSampler(out IDataView sampledBefore)
    {
        var sampler = RingTraining.Fit(RingTraining.Options(GanLoss.Hinge, epochs: 1, condition: "Mode"), rows: 200);
        sampledBefore = sampler.Sample(10, seed: 1);
        sampler.Dispose();
        return sampler;
    }

    private static void AssertNamesTheSampler(ObjectDisposedException error)
    {
        StringAssert.Contains(error.Message, nameof(GanSampler));
        StringAssert.Contains(error.Message, "disposed");
    }

    [TestMethod]
    public void SamplingADisposedSamplerSaysItWasDisposed()
    {
        var sampler = DisposedSampler(out _);

        AssertNamesTheSampler(Assert.ThrowsExactly<ObjectDisposedException>(() => sampler.Sample(10, seed: 1)));
        AssertNamesTheSampler(Assert.ThrowsExactly<ObjectDisposedException>(() => sampler.Sample(10, "m1")));
    }

    [TestMethod]
    public void ReadingASampleTakenBeforeDisposeSaysTheSamplerWasDisposed()
    {
        DisposedSampler(out var sample);

        AssertNamesTheSampler(Assert.ThrowsExactly<ObjectDisposedException>(() => Columns.Read<float>(sample, "X")));
    }

    [TestMethod]
    public void TransformingWithADisposedSamplerSaysItWasDisposed()
    {
        var sampler = DisposedSampler(out _);
        var requests = RingOfGaussians.Load(new MLContext(0), 10);

        AssertNamesTheSampler(Assert.ThrowsExactly<ObjectDisposedException>(() => Columns.Read<float>(sampler.Transform(requests), "X")));
    }

    [TestMethod]
    public async Task DisposingWhileAnotherThreadReadsASampleEndsThatReadWithObjectDisposed()
    {
        // A silo stopping under a shard: Dispose on one thread while another is inside the generator's forward pass
        // once freed the weights under it and crashed the process. Twenty tries, so that most land inside a pass.
        var trained = RingTraining.Fit(RingTraining.Options(GanLoss.Hinge, epochs: 1, condition: "Mode"), rows: 200);
        using var saved = new MemoryStream();
        new MLContext(0).Model.Save(trained, null, saved);
        trained.Dispose();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var sampler = (GanSampler)new MLContext(0).Model.Load(new MemoryStream(saved.ToArray()), out _);
            long rowsRead = 0;
            var reader = Task.Run(() =>
            {
                var sample = sampler.SampleRange(0, 1_000_000_000, seed: attempt);
                using var cursor = sample.GetRowCursor(sample.Schema);
                var x = cursor.GetGetter<float>(sample.Schema["X"]);
                float value = 0;
                while (cursor.MoveNext())
                {
                    x(ref value);
                    Interlocked.Increment(ref rowsRead);
                }
            });
            Assert.IsTrue(SpinWait.SpinUntil(() => Interlocked.Read(ref rowsRead) > 10_000 || reader.IsCompleted, TimeSpan.FromMinutes(2)), "the reader started");

            sampler.Dispose();

            AssertNamesTheSampler(await Assert.ThrowsExactlyAsync<ObjectDisposedException>(() => reader));
        }
    }

    [TestMethod]
    public void ResumingFromADisposedSamplerSaysItWasDisposed()
    {
        var sampler = DisposedSampler(out _);
        var ml = new MLContext(1);

        AssertNamesTheSampler(Assert.ThrowsExactly<ObjectDisposedException>(() =>
            ml.Gan().Trainer(RingTraining.Options(GanLoss.Hinge, epochs: 1, condition: "Mode")).Fit(RingOfGaussians.Load(ml, 200), sampler)));
    }

    [TestMethod]
    public void DisposingTwiceIsHarmless()
    {
        var sampler = DisposedSampler(out _);

        sampler.Dispose();
    }
}
