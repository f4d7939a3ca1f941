using GanEstimators.Evaluation.Images;
using Microsoft.ML;

namespace GanEstimators.Tests.Images;

/// <summary>The classifier committed in data/ (trained by samples/FashionClassifier) still loads with this library's format.</summary>
[TestClass]
public sealed class FashionClassifierFileTests
{
    [TestMethod]
    public void TheCommittedFashionMnistClassifierLoadsAsTenClassesOf28By28Images()
    {
        using var classifier = DomainImageClassifier.Load(Path.Combine(RepositoryRoot(), "data", "fashion-mnist-classifier.bin"));

        Assert.AreEqual((1, 28, 28), classifier.ImageShape);
        CollectionAssert.AreEqual(Enumerable.Range(0, 10).Select(c => c.ToString()).ToArray(), classifier.ClassNames.ToArray());
        Assert.AreEqual(128, classifier.FeatureWidth);
        Assert.AreEqual(0f, classifier.PixelMinimum);
        Assert.AreEqual(255f, classifier.PixelMaximum);
        var blank = new MLContext(1).Data.LoadFromEnumerable(new[] { new Image() });
        Assert.HasCount(1, classifier.Predict(blank));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GanEstimators.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No GanEstimators.sln above {AppContext.BaseDirectory}.");
    }

    private sealed class Image
    {
        [Microsoft.ML.Data.VectorType(1, 28, 28)]
        public float[] Features { get; set; } = new float[28 * 28];
    }
}
