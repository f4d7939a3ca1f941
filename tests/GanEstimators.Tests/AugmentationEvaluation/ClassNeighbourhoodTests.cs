using GanEstimators.Evaluation.Augmentation;
using Microsoft.ML;

namespace GanEstimators.Tests.AugmentationEvaluation;

[TestClass]
public sealed class ClassNeighbourhoodTests
{
    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void EachClassCountsItsRealRowsLeftOutAndTheGanRowsAddedAtTheLargestRatio()
    {
        var ml = new MLContext(1);
        var rows = Penguin.Read();
        var recorder = new RecordingEstimator(ml, Penguin.Classifier(ml));

        var result = ml.Gan().EvaluateAugmentation(ml.Data.LoadFromEnumerable(rows), recorder, Penguin.QuickOptions(epochs: 1, 1.0, 0.5));

        // Per fold: real only, then oversampling, SMOTE and GAN at ratio 1 (which adds the most rows), then at 0.5.
        const int fitsPerFold = 7;
        var expected = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var fold = 0; fold < result.FoldTestRows.Count; fold++)
        {
            var held = result.FoldTestRows[fold].ToHashSet();
            var training = rows.Where((_, r) => !held.Contains(r)).ToArray();
            var ganRows = recorder.TrainingSets[fold * fitsPerFold + 3].Skip(training.Length).ToArray();
            var space = Standardisation(training);
            var points = training.Select(space).ToArray();
            for (var i = 0; i < training.Length; i++)
                Count(expected, training[i].Species, 0, training[NearestOf(points[i], points, leftOut: i)].Species);
            foreach (var gan in ganRows)
                Count(expected, gan.Species, 2, training[NearestOf(space(gan), points, leftOut: -1)].Species);
        }

        CollectionAssert.AreEqual(new[] { "Adelie", "Chinstrap", "Gentoo" }, result.ClassNeighbourhoods.Select(c => c.Class).ToArray());
        foreach (var measured in result.ClassNeighbourhoods)
        {
            var counts = expected[measured.Class];
            Assert.AreEqual(new ClassNeighbourhood(measured.Class, counts[0], counts[1], counts[2], counts[3]), measured);
            // The species are apart in the four measurements: a real row's nearest is almost always of its species.
            Assert.IsGreaterThan(0.9, measured.RealShare, measured.ToString());
        }
        Assert.AreEqual(2 * rows.Length, result.ClassNeighbourhoods.Sum(c => c.RealRows), "every row is a training row in 2 of the 3 folds");
        Assert.IsGreaterThan(0, result.ClassNeighbourhoods.Single(c => c.Class == "Chinstrap").GanRows, "balancing adds Chinstrap rows");
        StringAssert.Contains(result.ToString(), "Neighbourhoods (rows whose nearest real training row");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void AnUntrainedGansRowsAreSaidToStrayAmongOtherClasses()
    {
        var ml = new MLContext(1);

        var result = ml.Gan().EvaluateAugmentation(ml.Data.LoadFromEnumerable(Penguin.Read()), Penguin.Classifier(ml), Penguin.QuickOptions(epochs: 0, 1.0));

        var chinstrap = result.ClassNeighbourhoods.Single(c => c.Class == "Chinstrap");
        Assert.IsTrue(chinstrap.GanRowsStray, chinstrap.ToString());
        Assert.IsLessThan(chinstrap.RealShare - 0.3, chinstrap.GanShare, chinstrap.ToString());
        StringAssert.Contains(result.ToString(), "The GAN rows of 'Chinstrap'");
    }

    [TestMethod]
    public void TheStrayFlagNeedsBothAGapAndEnoughRows()
    {
        Assert.IsTrue(new ClassNeighbourhood("a", 200, 180, 200, 120).GanRowsStray, "0.90 against 0.60 over 200 rows each");
        Assert.IsFalse(new ClassNeighbourhood("a", 200, 180, 200, 170).GanRowsStray, "0.90 against 0.85: under 0.10 apart");
        Assert.IsTrue(new ClassNeighbourhood("a", 1000, 900, 1000, 800).GanRowsStray, "0.90 against 0.80: exactly 0.10 apart");
        Assert.IsFalse(new ClassNeighbourhood("a", 5, 4, 5, 2).GanRowsStray, "0.80 against 0.40 over 5 rows: z about 1.3");
        Assert.IsFalse(new ClassNeighbourhood("a", 200, 120, 200, 180).GanRowsStray, "GAN rows closer to their class than real rows");
        Assert.IsFalse(new ClassNeighbourhood("a", 10, 9, 0, 0).GanRowsStray, "no GAN rows");
        Assert.IsTrue(double.IsNaN(new ClassNeighbourhood("a", 10, 9, 0, 0).GanShare));
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void AtMost500RowsOfEachKindAreLookedAtPerClassAndFold()
    {
        var ml = new MLContext(1);
        // 1,600 rows of A and 400 of B in two numeric columns: each of 2 folds trains on 800 A and 200 B, and balancing
        // adds 600 B rows.
        var random = new Random(3);
        var rows = Enumerable.Range(0, 2_000).Select(i => new Point
        {
            Kind = i < 1_600 ? "A" : "B",
            X = (float)(random.NextDouble() + (i < 1_600 ? 0 : 2)),
            Y = (float)random.NextDouble(),
        }).ToArray();
        var classifier = ml.Transforms.Conversion.MapValueToKey("Label", nameof(Point.Kind))
            .Append(ml.Transforms.Concatenate("Features", nameof(Point.X), nameof(Point.Y)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, MaximumNumberOfIterations = 5 }));
        var options = new AugmentationEvaluationOptions
        {
            LabelColumnName = nameof(Point.Kind), NumberOfFolds = 2, Ratios = new[] { 1.0 }, Seed = 5,
            GanOptions = new GanTrainer.Options { Epochs = 0, NumberOfThreads = 1 },
        };

        var result = ml.Gan().EvaluateAugmentation(ml.Data.LoadFromEnumerable(rows), classifier, options);

        var a = result.ClassNeighbourhoods.Single(c => c.Class == "A");
        var b = result.ClassNeighbourhoods.Single(c => c.Class == "B");
        Assert.AreEqual(2 * 500, a.RealRows, "800 training rows of A a fold, 500 looked at");
        Assert.AreEqual(2 * 200, b.RealRows);
        Assert.AreEqual(0, a.GanRows, "the largest class gets no rows");
        Assert.AreEqual(2 * 500, b.GanRows, "600 GAN rows of B a fold, 500 looked at");
        Assert.IsGreaterThan(0.95, a.RealShare, "A and B are apart in X");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void ATableWithoutNumericColumnsHasNoNeighbourhoods()
    {
        var ml = new MLContext(1);
        var rows = Penguin.Read();
        var data = ml.Transforms.DropColumns(Penguin.Numeric).Fit(ml.Data.LoadFromEnumerable(rows)).Transform(ml.Data.LoadFromEnumerable(rows));
        var classifier = ml.Transforms.Conversion.MapValueToKey("Label", nameof(Penguin.Species))
            .Append(ml.Transforms.Categorical.OneHotEncoding("Features", nameof(Penguin.Island)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }));
        var options = Penguin.QuickOptions(epochs: 0, 1.0);
        options.GanOptions.FeatureColumnNames = new[] { nameof(Penguin.Island) };

        var result = ml.Gan().EvaluateAugmentation(data, classifier, options);

        Assert.IsEmpty(result.ClassNeighbourhoods);
        Assert.DoesNotContain("Neighbourhoods", result.ToString());
    }

    public sealed class Point
    {
        public string Kind { get; set; } = "";
        public float X { get; set; }
        public float Y { get; set; }
    }

    private static void Count(Dictionary<string, int[]> counts, string species, int at, string nearest)
    {
        if (!counts.TryGetValue(species, out var c)) counts[species] = c = new int[4];
        c[at]++;
        if (nearest == species) c[at + 1]++;
    }

    /// <summary>The measurements standardised on the training rows (sample standard deviation; missing at 0).</summary>
    private static Func<Penguin, double[]> Standardisation(Penguin[] training)
    {
        var columns = Enumerable.Range(0, 4).Select(j => training.Select(p => (double)p.Values()[j]).Where(v => !double.IsNaN(v)).ToArray()).ToArray();
        var mean = columns.Select(c => c.Average()).ToArray();
        var spread = columns.Select((c, j) => Math.Sqrt(c.Sum(v => (v - mean[j]) * (v - mean[j])) / (c.Length - 1))).ToArray();
        return p => p.Values().Select((v, j) => double.IsNaN(v) ? 0 : (v - mean[j]) / spread[j]).ToArray();
    }

    private static int NearestOf(double[] point, double[][] points, int leftOut) =>
        Enumerable.Range(0, points.Length).Where(r => r != leftOut)
            .OrderBy(r => point.Zip(points[r], (a, b) => (a - b) * (a - b)).Sum()).ThenBy(r => r).First();
}
