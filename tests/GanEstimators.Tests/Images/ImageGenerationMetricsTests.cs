using GanEstimators.Evaluation.Images;
using Microsoft.ML;

namespace GanEstimators.Tests.Images;

[TestClass]
public sealed class ImageGenerationMetricsTests
{
    private static MLContext _ml = null!;
    private static DomainImageClassifier _classifier = null!;

    [ClassInitialize]
    public static void TrainClassifier(TestContext _)
    {
        _ml = new MLContext(1);
        _classifier = DomainImageClassifier.Train(BarImages.Load(_ml, 200, seed: 1), options: new() { Epochs = 3, BatchSize = 32, Seed = 7 });
    }

    [ClassCleanup]
    public static void DisposeClassifier() => _classifier.Dispose();

    [TestMethod]
    public void RealImagesOfTheRequestedClassesScoreFullAccuracyAndZeroDistance()
    {
        var realTest = BarImages.Load(_ml, 100, seed: 2);
        var options = new ImageGenerationEvaluationOptions { RealTrainingData = BarImages.Load(_ml, 100, seed: 3) };

        var metrics = ImageGenerationMetrics.Evaluate(_classifier, generated: realTest, realTest, options);

        Assert.AreEqual(1, metrics.ConditionalAccuracy);
        Assert.AreEqual(1, metrics.ConditionalAccuracyByClass[BarImages.Vertical]);
        Assert.AreEqual(1, metrics.ConditionalAccuracyByClass[BarImages.Horizontal]);
        Assert.AreEqual(1, metrics.RealTestAccuracy);
        Assert.AreEqual(0, metrics.DomainFrechetDistance, 1e-6);
        Assert.IsGreaterThan(0, metrics.DomainFrechetFloor!.Value);
        Assert.AreEqual(200, metrics.GeneratedCount);
        Assert.AreEqual(200, metrics.RealTrainingCount);
        StringAssert.Contains(metrics.ToString(), "Fréchet distance in a domain classifier's feature space (not Inception FID)");
        StringAssert.Contains(metrics.ToString(), "floor");
    }

    [TestMethod]
    public void ImagesOfTheOtherClassScoreZeroAccuracyAndAPositiveDistance()
    {
        var realTest = BarImages.Load(_ml, 100, seed: 2);
        var swapped = BarImages.Load(_ml, BarImages.Rows(50, seed: 4)
            .Select(r => new BarImages.BarRow { Features = r.Features, Label = r.Label == BarImages.Vertical ? BarImages.Horizontal : BarImages.Vertical }));
        var verticalOnly = BarImages.Load(_ml, BarImages.Rows(50, seed: 4).Where(r => r.Label == BarImages.Vertical));

        var metrics = ImageGenerationMetrics.Evaluate(_classifier, swapped, realTest);
        var collapsed = ImageGenerationMetrics.Evaluate(_classifier, verticalOnly, realTest);

        Assert.AreEqual(0, metrics.ConditionalAccuracy);
        Assert.IsNull(metrics.DomainFrechetFloor);
        Assert.IsGreaterThan(10 * metrics.DomainFrechetDistance, collapsed.DomainFrechetDistance, "one class only is far from the two-class test set");
        CollectionAssert.AreEqual(new[] { BarImages.Vertical }, collapsed.ConditionalAccuracyByClass.Keys.ToArray());
    }

    [TestMethod]
    public void GeneratedImagesWithoutTheirRequestedClassAreRejectedByName()
    {
        var realTest = BarImages.Load(_ml, 10, seed: 2);
        var options = new ImageGenerationEvaluationOptions { LabelColumnName = "Requested" };

        var error = Assert.ThrowsExactly<ArgumentException>(() => ImageGenerationMetrics.Evaluate(_classifier, realTest, realTest, options));

        StringAssert.Contains(error.Message, "'Requested'");
        Assert.AreEqual("generated", error.ParamName);
    }

    [TestMethod]
    public void ASamplerIsAskedForAnEvenShareOfEachOfItsClasses()
    {
        var trainer = _ml.Gan().Trainer(new GanTrainer.Options
        {
            FeatureColumnNames = new[] { "Features" },
            ConditionColumnName = "Label",
            NumericEncoding = GanNumericEncoding.Standardization,
            Architecture = GanArchitecture.Mlp,
            Mlp =
            {
                GeneratorHiddenSizes = new[] { 16 },
                DiscriminatorHiddenSizes = new[] { 16 },
            },
            NoiseDimension = 8,
            Epochs = 1,
            BatchSize = 50,
            EnableDiagnostics = false,
            KeepTrainingState = false,
            Seed = 1,
        });
        using var sampler = trainer.Fit(BarImages.Load(_ml, 50, seed: 5));

        var metrics = _ml.Gan().EvaluateImages(_classifier, sampler, BarImages.Load(_ml, 50, seed: 2), new() { GeneratedCount = 101 });

        Assert.AreEqual(101, metrics.GeneratedCount);
        CollectionAssert.AreEquivalent(new[] { BarImages.Vertical, BarImages.Horizontal }, metrics.ConditionalAccuracyByClass.Keys.ToArray());
        Assert.IsTrue(double.IsFinite(metrics.DomainFrechetDistance));
    }
}
