using GanEstimators.Loading;
using GanEstimators.Tests.Support;
using GanEstimators.Tests.Images;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Training;

[TestClass]
public sealed class GeneratorAverageAndDiscriminatorRateTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void AveragingChangesWhatIsSampledButNotHowTheNetworksTrain()
    {
        using var files = new IdxTestFiles();
        var ml = new MLContext(4);
        var data = files.TwoClassImages(ml);
        var plain = ml.Gan().Trainer(Options(3, decay: 0)).Fit(data);
        var averaged = ml.Gan().Trainer(Options(3, decay: 0.9)).Fit(data);

        CollectionAssert.AreEqual(
            plain.History.Epochs.Select(e => e.DiscriminatorLoss).ToArray(),
            averaged.History.Epochs.Select(e => e.DiscriminatorLoss).ToArray(),
            "the average is kept beside the trained generator and never feeds back into training");
        var plainPixels = Columns.Flat(plain.Sample(20, "1", seed: 2), IdxImages.FeaturesColumnName);
        var averagedPixels = Columns.Flat(averaged.Sample(20, "1", seed: 2), IdxImages.FeaturesColumnName);
        var meanDifference = plainPixels.Zip(averagedPixels, (a, b) => Math.Abs(a - b)).Average();
        Assert.IsGreaterThan(0.5, meanDifference, "the sampler draws from the average, not from the last trained weights");
        Assert.IsTrue(averagedPixels.All(p => p is >= 0 and <= 255), "the average's images stay in the data's range");
    }

    [TestMethod]
    public void ASavedAveragedSamplerResumesExactlyWhereItStopped()
    {
        using var files = new IdxTestFiles();
        var ml = new MLContext(4);
        var data = files.TwoClassImages(ml);
        var straight = ml.Gan().Trainer(WithFastDiscriminator(Options(2, decay: 0.9))).Fit(data);

        var firstHalf = ml.Gan().Trainer(WithFastDiscriminator(Options(1, decay: 0.9))).Fit(data);
        var loaded = SavedSamplers.SaveAndReload(TestContext, ml, firstHalf, data.Schema, "half.zip");
        var resumed = ml.Gan().Trainer(Options(1, decay: 0.9)).Fit(data, resumeFrom: loaded);

        CollectionAssert.AreEqual(
            straight.History.Epochs.Select(e => e.GeneratorLoss).ToArray(),
            resumed.History.Epochs.Select(e => e.GeneratorLoss).ToArray(),
            "training resumes from the trained generator's own weights, not from the average the sampler holds, and with the saved discriminator rate");
        CollectionAssert.AreEqual(
            Columns.Flat(straight.Sample(10, "0", seed: 3), IdxImages.FeaturesColumnName),
            Columns.Flat(resumed.Sample(10, "0", seed: 3), IdxImages.FeaturesColumnName),
            "and the average continues with its saved number of updates");
    }

    [TestMethod]
    public void TheDiscriminatorCanLearnAtItsOwnRate()
    {
        using var files = new IdxTestFiles();
        var ml = new MLContext(4);
        var data = files.TwoClassImages(ml);
        var shared = ml.Gan().Trainer(Options(2, decay: 0)).Fit(data);
        var sameRate = Options(2, decay: 0);
        sameRate.DiscriminatorLearningRate = sameRate.LearningRate;
        var explicitSame = ml.Gan().Trainer(sameRate).Fit(data);
        var fast = ml.Gan().Trainer(WithFastDiscriminator(Options(2, decay: 0))).Fit(data);

        var losses = (GanSampler s) => s.History.Epochs.Select(e => e.DiscriminatorLoss).ToArray();
        CollectionAssert.AreEqual(losses(shared), losses(explicitSame));
        CollectionAssert.AreNotEqual(losses(shared), losses(fast));
    }

    [TestMethod]
    public void ANonPositiveDiscriminatorRateIsRejectedByName()
    {
        var options = Options(1, decay: 0);
        options.DiscriminatorLearningRate = 0;
        Assert.AreEqual(nameof(GanTrainer.Options.DiscriminatorLearningRate),
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext(1).Gan().Trainer(options)).ParamName);
    }

    [TestMethod]
    [DataRow(1.0)]
    [DataRow(-0.1)]
    [DataRow(double.NaN)]
    public void ADecayOutsideZeroToOneIsRejectedByName(double decay)
    {
        var options = Options(1, decay);
        Assert.AreEqual(nameof(GanTrainer.Options.GeneratorAverageDecay),
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext(1).Gan().Trainer(options)).ParamName);
    }

    private static GanTrainer.Options Options(int epochs, double decay)
    {
        var options = ImageArchitectureTests.TinyOptions(IdxImages.FeaturesColumnName, IdxImages.LabelColumnName);
        options.Epochs = epochs;
        options.Loss = GanLoss.Hinge;
        options.Image.SpectralNormalization = true;
        options.EnableDiagnostics = false;
        options.GeneratorAverageDecay = decay;
        return options;
    }

    private static GanTrainer.Options WithFastDiscriminator(GanTrainer.Options options)
    {
        options.LearningRate = 1e-4;
        options.DiscriminatorLearningRate = 4e-4;
        return options;
    }
}
