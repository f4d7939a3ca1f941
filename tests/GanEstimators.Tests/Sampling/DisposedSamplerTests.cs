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
    public void DisposingTwiceIsHarmless()
    {
        var sampler = DisposedSampler(out _);

        sampler.Dispose();
    }
}
