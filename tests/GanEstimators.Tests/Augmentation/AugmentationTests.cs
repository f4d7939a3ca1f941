using GanEstimators.Augmentation;
using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Augmentation;

[TestClass]
public sealed class AugmentationTests
{
    private sealed class WideRow
    {
        public string Note { get; set; } = "";
        public float Y { get; set; }
        public string Mode { get; set; } = "";
        public float X { get; set; }
        public int Weight { get; set; }
    }

    private static IDataView Augment(MLContext ml, GanAugmentationOptions options) =>
        ml.Gan().Augment(ImbalancedRing.Load(ml), ImbalancedRing.Sampler, options);

    [TestMethod]
    public void CountModeAppendsTheRequestedRowsAfterTheUnchangedRealRows()
    {
        var ml = new MLContext(1);
        var augmented = Augment(ml, new GanAugmentationOptions { SyntheticRowCount = 250, ChunkSize = 64, Seed = 5 });

        Assert.AreEqual(ImbalancedRing.RealRowCount + 250L, augmented.GetRowCount());
        var rows = ImbalancedRing.Read(augmented);
        Assert.HasCount(ImbalancedRing.RealRowCount + 250, rows);
        CollectionAssert.AreEqual(ImbalancedRing.Read(ImbalancedRing.Load(ml)), rows.Take(ImbalancedRing.RealRowCount).ToArray());
        var synthetic = rows.Skip(ImbalancedRing.RealRowCount).ToArray();
        Assert.IsTrue(synthetic.All(r => ImbalancedRing.Sizes.ContainsKey(r.Mode)), "synthetic rows are of the trained classes");
        Assert.IsTrue(synthetic.All(r => float.IsFinite(r.X) && float.IsFinite(r.Y)));
        Assert.IsGreaterThan(1, synthetic.Select(r => r.Mode).Distinct().Count(), "without balancing, classes follow the training frequencies");
    }

    [TestMethod]
    public void BalanceModeFillsEveryClassUpToTheLargest()
    {
        var ml = new MLContext(1);
        var augmented = Augment(ml, new GanAugmentationOptions { BalanceColumnName = "Mode", ChunkSize = 32, Seed = 5 });

        var rows = ImbalancedRing.Read(augmented);
        Assert.AreEqual((long)rows.Length, augmented.GetRowCount());
        foreach (var mode in ImbalancedRing.Sizes.Keys)
            Assert.AreEqual(150, rows.Count(r => r.Mode == mode), $"class {mode}");
        CollectionAssert.AreEqual(ImbalancedRing.Read(ImbalancedRing.Load(ml)), rows.Take(ImbalancedRing.RealRowCount).ToArray());
        var synthetic = rows.Skip(ImbalancedRing.RealRowCount).Select(r => r.Mode).ToArray();
        CollectionAssert.AreEqual(Enumerable.Repeat("m1", 60).Concat(Enumerable.Repeat("m2", 110)).ToArray(), synthetic,
            "only the smaller classes get rows, each class's rows together");
    }

    [TestMethod]
    public void ABalanceRatioFillsTheSmallerClassesUpToThatShareOfTheLargest()
    {
        var ml = new MLContext(1);
        // Classes of 150, 90 and 40 rows: at 0.5 every class needs 75, so only m2 gets rows (35); at 0.7, 105.
        var half = ImbalancedRing.Read(Augment(ml, new GanAugmentationOptions { BalanceColumnName = "Mode", BalanceRatio = 0.5, Seed = 5 }));
        CollectionAssert.AreEqual(Enumerable.Repeat("m2", 35).ToArray(), half.Skip(ImbalancedRing.RealRowCount).Select(r => r.Mode).ToArray());

        var more = ImbalancedRing.Read(Augment(ml, new GanAugmentationOptions { BalanceColumnName = "Mode", BalanceRatio = 0.7, Seed = 5 }));
        var counts = more.GroupBy(r => r.Mode).ToDictionary(g => g.Key, g => g.Count());
        Assert.AreEqual(150, counts["m0"]);
        Assert.AreEqual(105, counts["m1"]);
        Assert.AreEqual(105, counts["m2"]);
    }

    [TestMethod]
    public void SchemaIsTheRealColumnsTheSamplerGeneratesInTheRealOrder()
    {
        var ml = new MLContext(1);
        var wide = ml.Data.LoadFromEnumerable(ImbalancedRing.Points().Select(p => new WideRow { Note = "n", Y = p.Y, Mode = p.Mode, X = p.X, Weight = 1 }));

        var augmented = ml.Gan().Augment(wide, ImbalancedRing.Sampler, new GanAugmentationOptions { SyntheticRowCount = 10, Seed = 1 });

        CollectionAssert.AreEqual(new[] { "Y", "Mode", "X" }, augmented.Schema.Select(c => c.Name).ToArray(), "Note and Weight are not generated, so they are dropped");
        CollectionAssert.AreEqual(new[] { "Y", "Mode", "X" }.Select(n => wide.Schema[n].Type).ToArray(), augmented.Schema.Select(c => c.Type).ToArray());
        Assert.AreEqual(ImbalancedRing.RealRowCount + 10, augmented.GetColumn<float>("X").Count());
    }

    [TestMethod]
    public void AGeneratedColumnMissingFromTheDataOrOfAnotherTypeIsNamed()
    {
        var ml = new MLContext(1);
        var points = ImbalancedRing.Points();
        var options = new GanAugmentationOptions { SyntheticRowCount = 10 };

        var noMode = ml.Data.LoadFromEnumerable(points.Select(p => new { p.X, p.Y }));
        var missing = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Augment(noMode, ImbalancedRing.Sampler, options));
        StringAssert.Contains(missing.Message, "'Mode'");

        var doubleX = ml.Data.LoadFromEnumerable(points.Select(p => new { X = (double)p.X, p.Y, p.Mode }));
        var retyped = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Augment(doubleX, ImbalancedRing.Sampler, options));
        StringAssert.Contains(retyped.Message, "'X'");
        StringAssert.Contains(retyped.Message, "Double");
    }

    [TestMethod]
    public void TheSameSeedGivesTheSameSyntheticRows()
    {
        var ml = new MLContext(1);
        var options = new GanAugmentationOptions { SyntheticRowCount = 120, ChunkSize = 50, Seed = 7 };
        var first = Augment(ml, options);

        var once = ImbalancedRing.Read(first);
        CollectionAssert.AreEqual(once, ImbalancedRing.Read(first), "a second cursor over the same view");
        CollectionAssert.AreEqual(once, ImbalancedRing.Read(Augment(ml, options)), "another view with the same seed");
        CollectionAssert.AreNotEqual(once, ImbalancedRing.Read(Augment(ml, new GanAugmentationOptions { SyntheticRowCount = 120, ChunkSize = 50, Seed = 8 })));

        var synthetic = once.Skip(ImbalancedRing.RealRowCount).Select(r => r.X).ToArray();
        CollectionAssert.AreNotEqual(synthetic.Take(50).ToArray(), synthetic.Skip(50).Take(50).ToArray(), "each chunk has its own seed");
        IDataView Unseeded() => Augment(new MLContext(3), new GanAugmentationOptions { SyntheticRowCount = 120 });
        CollectionAssert.AreEqual(ImbalancedRing.Read(Unseeded()), ImbalancedRing.Read(Unseeded()), "without a seed, the MLContext seed decides");
    }

    [TestMethod]
    public void ADownstreamPipelineTrainsOnTheAugmentedRows()
    {
        var ml = new MLContext(1);
        var augmented = Augment(ml, new GanAugmentationOptions { BalanceColumnName = "Mode", Seed = 2 });

        var model = ml.Transforms.Conversion.MapValueToKey("Label", "Mode")
            .Append(ml.Transforms.Concatenate("Features", "X", "Y"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 5))
            .Fit(augmented);

        var scored = model.Transform(augmented);
        Assert.AreEqual(450, scored.GetColumn<uint>("PredictedLabel").Count());
    }
}
