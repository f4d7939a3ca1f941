using GanEstimators.Loading;
using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Images;

[TestClass]
public sealed class DcganResumeTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(false, 1, 1)]
    [DataRow(true, 1, 1)]
    [DataRow(true, 1, 2)]
    [DataRow(false, 3, 1)]
    [DataRow(false, 2, 3)]
    public void ASavedImageSamplerResumesExactlyWhereItStopped(bool spectral, int generatorDepth, int discriminatorDepth)
    {
        var depth = (generatorDepth, discriminatorDepth);
        using var files = new IdxTestFiles();
        var ml = new MLContext(4);
        var data = files.TwoClassImages(ml);
        var straight = ml.Gan().Trainer(Options(2, spectral, depth)).Fit(data);

        var firstHalf = ml.Gan().Trainer(Options(1, spectral, depth)).Fit(data);
        var loaded = SavedSamplers.SaveAndReload(TestContext, ml, firstHalf, data.Schema, $"half-{spectral}-{generatorDepth}-{discriminatorDepth}.zip");
        var resumed = ml.Gan().Trainer(Options(1, spectral, depth)).Fit(data, resumeFrom: loaded);

        CollectionAssert.AreEqual(
            straight.History.Epochs.Select(e => e.DiscriminatorLoss).ToArray(),
            resumed.History.Epochs.Select(e => e.DiscriminatorLoss).ToArray(),
            "the discriminator (with its normalisation state) and both optimisers continue as if never stopped");
        CollectionAssert.AreEqual(
            Columns.Flat(straight.Sample(10, "1", seed: 2), IdxImages.FeaturesColumnName),
            Columns.Flat(resumed.Sample(10, "1", seed: 2), IdxImages.FeaturesColumnName));
    }

    [TestMethod]
    public void ResumingNeedsTheSameImageNetworks()
    {
        using var files = new IdxTestFiles();
        var ml = new MLContext(4);
        var data = files.TwoClassImages(ml);
        var sampler = ml.Gan().Trainer(Options(1, spectral: false)).Fit(data);
        var wider = Options(1, spectral: false);
        wider.Image.BaseChannels = 8;
        var deeperCritic = Options(1, spectral: false, depth: (1, 2));
        var deeperGenerator = Options(1, spectral: false, depth: (2, 1));
        var spectral = Options(1, spectral: true);
        var flat = Options(1, spectral: false);
        flat.Architecture = GanArchitecture.Mlp;

        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(wider).Fit(data, sampler)).Message, "Image.BaseChannels");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(deeperCritic).Fit(data, sampler)).Message, "Image.DiscriminatorDepth");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(deeperGenerator).Fit(data, sampler)).Message, "Image.GeneratorDepth");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(spectral).Fit(data, sampler)).Message, "Image.SpectralNormalization");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(flat).Fit(data, sampler)).Message, "Dcgan");
    }

    private static GanTrainer.Options Options(int epochs, bool spectral, (int Generator, int Discriminator)? depth = null)
    {
        var options = ImageArchitectureTests.TinyOptions(IdxImages.FeaturesColumnName, IdxImages.LabelColumnName);
        options.Epochs = epochs;
        options.Loss = GanLoss.Hinge;
        options.DiscriminatorSteps = 1;
        options.Image.SpectralNormalization = spectral;
        options.Image.GeneratorDepth = depth?.Generator ?? 1;
        options.Image.DiscriminatorDepth = depth?.Discriminator ?? 1;
        options.PacSize = 2;
        options.EnableDiagnostics = false;
        return options;
    }
}
