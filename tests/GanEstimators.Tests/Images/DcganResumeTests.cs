using GanEstimators.Loading;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Images;

[TestClass]
public sealed class DcganResumeTests
{
    private static readonly byte[] Labels = Enumerable.Range(0, 32).Select(i => (byte)(i % 2)).ToArray();

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void ASavedImageSamplerResumesExactlyWhereItStopped(bool spectral)
    {
        using var files = new IdxTestFiles();
        var ml = new MLContext(4);
        var data = Images(ml, files);
        var straight = ml.Gan().Trainer(Options(2, spectral)).Fit(data);

        var firstHalf = ml.Gan().Trainer(Options(1, spectral)).Fit(data);
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), nameof(DcganResumeTests))).FullName, $"half-{spectral}.zip");
        ml.Model.Save(firstHalf, data.Schema, path);
        var loaded = (GanSampler)new MLContext().Model.Load(path, out _);
        var resumed = ml.Gan().Trainer(Options(1, spectral)).Fit(data, resumeFrom: loaded);

        CollectionAssert.AreEqual(
            straight.History.Epochs.Select(e => e.DiscriminatorLoss).ToArray(),
            resumed.History.Epochs.Select(e => e.DiscriminatorLoss).ToArray(),
            "the discriminator (with its normalisation state) and both optimisers continue as if never stopped");
        CollectionAssert.AreEqual(Pixels(straight.Sample(10, "1", seed: 2)), Pixels(resumed.Sample(10, "1", seed: 2)));
    }

    [TestMethod]
    public void ResumingNeedsTheSameImageNetworks()
    {
        using var files = new IdxTestFiles();
        var ml = new MLContext(4);
        var data = Images(ml, files);
        var sampler = ml.Gan().Trainer(Options(1, spectral: false)).Fit(data);
        var wider = Options(1, spectral: false);
        wider.ImageBaseChannels = 8;
        var spectral = Options(1, spectral: true);
        var flat = Options(1, spectral: false);
        flat.Architecture = GanArchitecture.Mlp;

        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(wider).Fit(data, sampler)).Message, "ImageBaseChannels");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(spectral).Fit(data, sampler)).Message, "SpectralNormalization");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(flat).Fit(data, sampler)).Message, "Dcgan");
    }

    private static IDataView Images(MLContext ml, IdxTestFiles files) =>
        IdxImages.Load(ml, files.Images("images", Labels.Length, rows: 8, cols: 8, gzip: false), files.Labels("labels", Labels, gzip: false));

    private static GanTrainer.Options Options(int epochs, bool spectral)
    {
        var options = ImageArchitectureTests.TinyOptions(IdxImages.FeaturesColumnName, IdxImages.LabelColumnName);
        options.Epochs = epochs;
        options.Loss = GanLoss.Hinge;
        options.CriticSteps = 1;
        options.SpectralNormalization = spectral;
        options.PacSize = 2;
        options.EnableDiagnostics = false;
        return options;
    }

    private static float[] Pixels(IDataView data) => data.GetColumn<float[]>(IdxImages.FeaturesColumnName).SelectMany(p => p).ToArray();
}
