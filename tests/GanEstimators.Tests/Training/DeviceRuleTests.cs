using GanEstimators.Tests.Support;
using Microsoft.ML;
using TorchSharp;

namespace GanEstimators.Tests.Training;

[TestClass]
public sealed class DeviceRuleTests
{
    [TestMethod]
    public void AskingForAGpuWithoutOneAndWithoutFallbackFailsClearly()
    {
        if (torch.cuda.is_available()) Assert.Inconclusive("CUDA is present here; this test checks the CPU-only rule.");
        var ml = new MLContext(1) { GpuDeviceId = 0, FallbackToCpu = false };
        var trainer = ml.Gan().Trainer(RingTraining.Options(GanLoss.NonSaturating, epochs: 1));

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => trainer.Fit(RingOfGaussians.Load(ml, 200)));
        StringAssert.Contains(error.Message, "FallbackToCpu");
        StringAssert.Contains(error.Message, "GpuDeviceId");
    }

    [TestMethod]
    public void AskingForAGpuWithFallbackTrains()
    {
        var ml = new MLContext(1) { GpuDeviceId = 0, FallbackToCpu = true };
        var sampler = ml.Gan().Trainer(RingTraining.Options(GanLoss.NonSaturating, epochs: 1)).Fit(RingOfGaussians.Load(ml, 200));
        Assert.HasCount(10, Columns.Read<float>(sampler.Sample(10, seed: 1), "X"));
    }
}
