using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Persistence;

[TestClass]
public sealed class EarlierFormatTests
{
    // Written by the library at format 0x00010002 (before DCGAN): a conditional ring GAN, WGAN-GP, hidden sizes { 8 },
    // noise 8, seed 3, one epoch on RingOfGaussians.Load(ml, 200), with its training state. The rows below are what
    // that library sampled from it with Sample(3, "m2", seed: 4).
    private static readonly string Model = Path.Combine(AppContext.BaseDirectory, "Persistence", "Fixtures", "ring-format-10002.zip");
    private static readonly float[] ExpectedX = { -0.21446648f, 0.31901923f, 0.011239985f };
    private static readonly float[] ExpectedY = { 0.58601415f, 0.059450027f, 0.7816393f };

    [TestMethod]
    public void AModelOfTheFormatBeforeDcganLoadsSamplesAsBeforeAndResumes()
    {
        var ml = new MLContext(1);

        var loaded = (GanSampler)ml.Model.Load(Model, out _);

        Assert.AreEqual(GanArchitecture.Mlp, loaded.Architecture);
        var rows = loaded.Sample(3, "m2", seed: 4);
        CollectionAssert.AreEqual(ExpectedX, Columns.Read<float>(rows, "X"));
        CollectionAssert.AreEqual(ExpectedY, Columns.Read<float>(rows, "Y"));
        Assert.IsTrue(loaded.CanResumeTraining);
        var options = RingTraining.Options(GanLoss.WassersteinGradientPenalty, epochs: 1, condition: "Mode");
        options.GeneratorHiddenSizes = new[] { 8 };
        options.DiscriminatorHiddenSizes = new[] { 8 };
        var resumed = ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 200), resumeFrom: loaded);
        CollectionAssert.AreEqual(new[] { 1, 2 }, resumed.History.Epochs.Select(e => e.Epoch).ToArray());
    }
}
