using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Images;

/// <summary>
/// A conditional DCGAN trained for a few epochs on the 8×8 UCI digits, through the public API: the flat 64-pixel
/// vector is shaped by <see cref="GanTrainer.ImageOptions.Shape"/>.
/// </summary>
[TestClass]
public sealed class DigitsDcganTests
{
    private const int Epochs = 2;
    private static readonly Lazy<(MLContext Ml, IDataView Data, GanSampler Sampler)> Trained = new(() =>
    {
        var ml = new MLContext(1);
        var data = Digits.Load(ml);
        return (ml, data, ml.Gan().Trainer(Options(Epochs)).Fit(data));
    });

    public TestContext TestContext { get; set; } = null!;

    // A learning rate of 1e-3 rather than DCGAN's 2e-4: these networks are tiny, and with it two epochs (112 steps) suffice.
    private static GanTrainer.Options Options(int epochs) => new()
    {
        FeatureColumnNames = new[] { Digits.Pixels },
        ConditionColumnName = Digits.Label,
        Image = { Shape = (1, Digits.Size, Digits.Size), BaseChannels = 16 },
        NoiseDimension = 32,
        Loss = GanLoss.NonSaturating,
        LearningRate = 1e-3,
        BatchSize = 32,
        Epochs = epochs,
        Seed = 2,
    };

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void GeneratedDigitsAreNearestToTheMeanImageOfTheirClass()
    {
        var (ml, data, sampler) = Trained.Value;
        var means = Digits.ClassMeans(data);
        var untrained = ml.Gan().Trainer(Options(epochs: 0)).Fit(data);

        var (trainedAccuracy, trainedClasses) = NearestMeanScores(sampler, means);
        var (untrainedAccuracy, untrainedClasses) = NearestMeanScores(untrained, means);

        // Calibrated on seeds 1–5 (one thread): 92–96 % of samples, 10 of 10 class means, diversity 0.75–0.87; untrained, about chance.
        Assert.IsGreaterThanOrEqualTo(0.7, trainedAccuracy, "share of generated digits nearest to their own class's real mean image");
        Assert.IsGreaterThanOrEqualTo(8, trainedClasses, "classes whose generated mean image is nearest to their real mean image");
        Assert.IsGreaterThan(0.5, sampler.History.Epochs[^1].CollapseRatio, "generated digits vary about as much as real ones, not one image per class");
        Assert.IsLessThan(0.3, untrainedAccuracy, "the same measure on an untrained generator (is the assertion able to fail?)");
        Assert.IsLessThan(8, untrainedClasses);
    }

    [TestMethod]
    public void SamplesKeepThePixelTypeAndRangeAndTheClassAskedFor()
    {
        var (_, data, sampler) = Trained.Value;

        var threes = sampler.Sample(40, condition: "3", seed: 1);

        Assert.AreEqual(GanArchitecture.Dcgan, sampler.Architecture);
        Assert.AreEqual(data.Schema[Digits.Pixels].Type, threes.Schema[Digits.Pixels].Type);
        var pixels = Columns.Flat(threes, Digits.Pixels);
        Assert.HasCount(40 * 64, pixels);
        Assert.IsTrue(pixels.All(p => p is >= 0 and <= 16), $"pixels within the training range 0..16; got {pixels.Min()}..{pixels.Max()}");
        Assert.IsGreaterThan(1f, pixels.Max() - pixels.Min(), "not a constant image");
        CollectionAssert.AreEqual(Enumerable.Repeat("3", 40).ToArray(), threes.GetColumn<string>(Digits.Label).ToArray());
        Assert.HasCount(Epochs, sampler.History.Epochs);
        Assert.IsTrue(sampler.History.Epochs.All(e => double.IsFinite(e.DiscriminatorLoss) && double.IsFinite(e.GeneratorLoss)), "finite losses");
    }

    [TestMethod]
    public void ASavedImageModelLoadsAndSamplesTheSameImages()
    {
        var (ml, data, sampler) = Trained.Value;
        var loaded = SavedSamplers.SaveAndReload(TestContext, ml, sampler, data.Schema, "digits.zip");

        Assert.AreEqual(GanArchitecture.Dcgan, loaded.Architecture);
        Assert.IsTrue(loaded.CanResumeTraining);
        var expected = Columns.Flat(sampler.Sample(30, "7", seed: 4), Digits.Pixels);
        var actual = Columns.Flat(loaded.Sample(30, "7", seed: 4), Digits.Pixels);
        CollectionAssert.AreEqual(expected, actual);
    }

    /// <summary>Share of 50 samples per digit nearest to their digit's real mean, and digits whose sample mean is.</summary>
    private static (double Accuracy, int Classes) NearestMeanScores(GanSampler sampler, float[][] means)
    {
        int correct = 0, classes = 0, total = 0;
        for (var digit = 0; digit < 10; digit++)
        {
            var images = sampler.Sample(50, digit.ToString(), seed: 100 + digit).GetColumn<float[]>(Digits.Pixels).ToArray();
            correct += images.Count(image => Digits.NearestMean(image, means) == digit);
            total += images.Length;
            if (Digits.NearestMean(Digits.Mean(images), means) == digit) classes++;
        }
        return ((double)correct / total, classes);
    }
}
