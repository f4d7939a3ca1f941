using GanEstimators.Evaluation.Images;
using Microsoft.ML;

namespace GanEstimators.Tests.Images;

[TestClass]
public sealed class DomainImageClassifierTests
{
    private static readonly ImageClassifierTrainingOptions Quick = new() { Epochs = 3, BatchSize = 32, Seed = 7 };

    [TestMethod]
    [DataRow(1f)]
    [DataRow(255f)]
    public void LearnsToTellVerticalFromHorizontalBarsInEitherPixelRange(float scale)
    {
        var ml = new MLContext(1);

        using var classifier = DomainImageClassifier.Train(BarImages.Load(ml, 200, seed: 1, scale), options: Quick);

        Assert.IsGreaterThanOrEqualTo(0.95, classifier.Accuracy(BarImages.Load(ml, 100, seed: 2, scale)));
        CollectionAssert.AreEqual(new[] { BarImages.Horizontal, BarImages.Vertical }, classifier.ClassNames.ToArray());
        Assert.AreEqual((1, BarImages.Side, BarImages.Side), classifier.ImageShape);
        Assert.IsTrue(classifier.PixelMaximum > 0.8f * scale && classifier.PixelMaximum <= scale, $"maximum {classifier.PixelMaximum}");
    }

    [TestMethod]
    public void ASavedClassifierLoadsWithIdenticalPredictionsAndFeatures()
    {
        var ml = new MLContext(1);
        var test = BarImages.Load(ml, 50, seed: 3);
        var path = Path.Combine(Path.GetTempPath(), $"classifier-{Guid.NewGuid():N}.bin");
        try
        {
            using var trained = DomainImageClassifier.Train(BarImages.Load(ml, 100, seed: 1, scale: 255), options: Quick);
            trained.Save(path);
            using var loaded = DomainImageClassifier.Load(path);

            CollectionAssert.AreEqual(trained.Predict(test).ToArray(), loaded.Predict(test).ToArray());
            CollectionAssert.AreEqual(trained.Features(test), loaded.Features(test));
            Assert.AreEqual(trained.PixelMaximum, loaded.PixelMaximum);
            CollectionAssert.AreEqual(trained.ClassNames.ToArray(), loaded.ClassNames.ToArray());
            Assert.IsEmpty(Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + ".*.tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void TheSameSeedTrainsTheSameClassifier()
    {
        var ml = new MLContext(1);
        var training = BarImages.Load(ml, 50, seed: 1);
        var test = BarImages.Load(ml, 20, seed: 3);

        using var first = DomainImageClassifier.Train(training, options: Quick);
        using var second = DomainImageClassifier.Train(training, options: Quick);

        CollectionAssert.AreEqual(first.Features(test), second.Features(test));
    }

    [TestMethod]
    public async Task DisposeWaitsForAnInferenceOnAnotherThreadAndLaterCallsSayItWasDisposed()
    {
        var ml = new MLContext(1);
        var images = BarImages.Load(ml, 3000, seed: 2);
        var classifier = DomainImageClassifier.Train(BarImages.Load(ml, 50, seed: 1), options: Quick);
        var expected = classifier.Features(images);

        var inference = Task.Run(() => classifier.Features(images));
        await Task.Delay(20);
        classifier.Dispose();

        // Either the inference ran first (and kept its weights to the end) or Dispose did: never freed weights mid-call.
        try
        {
            CollectionAssert.AreEqual(expected, await inference);
        }
        catch (ObjectDisposedException)
        {
        }
        Assert.ThrowsExactly<ObjectDisposedException>(() => classifier.Predict(images));
        Assert.ThrowsExactly<ObjectDisposedException>(() => classifier.Save(Path.Combine(Path.GetTempPath(), $"classifier-{Guid.NewGuid():N}.bin")));
    }

    [TestMethod]
    public void FeaturesHaveOneRowOfFeatureWidthPerImage()
    {
        var ml = new MLContext(1);
        using var classifier = DomainImageClassifier.Train(BarImages.Load(ml, 20, seed: 1), options: new() { Epochs = 1, FeatureWidth = 24 });

        var features = classifier.Features(BarImages.Load(ml, 5, seed: 2));

        Assert.AreEqual(10, features.GetLength(0));
        Assert.AreEqual(24, features.GetLength(1));
        Assert.AreEqual(24, classifier.FeatureWidth);
    }

    [TestMethod]
    public void ImagesOfAnotherSizeAreRejectedByName()
    {
        var ml = new MLContext(1);
        using var classifier = DomainImageClassifier.Train(BarImages.Load(ml, 20, seed: 1), options: new() { Epochs = 1 });
        var wide = ml.Data.LoadFromEnumerable(new[] { new WideRow { Pixels = new float[10] } });

        var error = Assert.ThrowsExactly<ArgumentException>(() => classifier.Predict(wide, "Pixels"));

        StringAssert.Contains(error.Message, "'Pixels'");
        StringAssert.Contains(error.Message, "64 pixels");
    }

    [TestMethod]
    public void TrainingNeedsTwoClasses()
    {
        var ml = new MLContext(1);
        var vertical = BarImages.Load(ml, BarImages.Rows(10, seed: 1).Where(r => r.Label == BarImages.Vertical));

        var error = Assert.ThrowsExactly<ArgumentException>(() => DomainImageClassifier.Train(vertical));

        StringAssert.Contains(error.Message, "'Label'");
        StringAssert.Contains(error.Message, "at least two");
    }

    [TestMethod]
    public void AMissingLabelColumnIsNamed()
    {
        var ml = new MLContext(1);

        var error = Assert.ThrowsExactly<ArgumentException>(() => DomainImageClassifier.Train(BarImages.Load(ml, 5, seed: 1), labelColumnName: "Class"));

        StringAssert.Contains(error.Message, "'Class'");
    }

    [TestMethod]
    public void AFileThatIsNotAClassifierIsRejectedByName()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a classifier");

            var error = Assert.ThrowsExactly<InvalidDataException>(() => DomainImageClassifier.Load(path));

            StringAssert.Contains(error.Message, path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class WideRow
    {
        [Microsoft.ML.Data.VectorType(10)]
        public float[] Pixels { get; set; } = Array.Empty<float>();
    }
}
