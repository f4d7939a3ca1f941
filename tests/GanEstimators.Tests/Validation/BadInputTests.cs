using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Validation;

[TestClass]
public sealed class BadInputTests
{
    private sealed class TextRow
    {
        public float X { get; set; }
        public string City { get; set; } = "";
        public float Score { get; set; }
    }

    private sealed class NumericLabelRow
    {
        public float X { get; set; }
        public float Label { get; set; }
    }

    private static GanSampler? _unconditional;
    private static GanSampler? _conditional;

    private static GanSampler Unconditional => _unconditional ??= RingTraining.Fit(RingTraining.Options(GanLoss.Hinge, epochs: 1), rows: 200);
    private static GanSampler Conditional => _conditional ??= RingTraining.Fit(RingTraining.Options(GanLoss.Hinge, epochs: 1, condition: "Mode"), rows: 200);

    private static TException Fails<TException>(GanTrainer.Options options, IDataView? data = null, MLContext? ml = null) where TException : Exception
    {
        ml ??= new MLContext(1);
        return Assert.ThrowsExactly<TException>(() => ml.Gan().Trainer(options).Fit(data ?? RingOfGaussians.Load(ml, 200)));
    }

    [TestMethod]
    public void AMissingFeatureColumnIsNamed()
    {
        var options = RingTraining.Options(GanLoss.Hinge, 1);
        options.FeatureColumnNames = new[] { "X", "Z" };
        var error = Fails<ArgumentException>(options);
        StringAssert.Contains(error.Message, "'Z'");
        StringAssert.Contains(error.Message, "not found");
    }

    [TestMethod]
    public void AMissingConditionColumnIsNamed()
    {
        var error = Fails<ArgumentException>(RingTraining.Options(GanLoss.Hinge, 1, condition: "Colour"));
        StringAssert.Contains(error.Message, "Condition column 'Colour'");
    }

    [TestMethod]
    public void AFloatColumnDeclaredCategoricalIsRejectedWithTheExpectedTypes()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new TextRow { X = 1, City = "Oslo" } });
        var error = Fails<ArgumentException>(new GanTrainer.Options { FeatureColumnNames = new[] { "X", "City" }, CategoricalColumnNames = new[] { "X" }, Epochs = 1 }, data, ml);
        StringAssert.Contains(error.Message, "'X'");
        StringAssert.Contains(error.Message, "CategoricalColumnNames");
    }

    [TestMethod]
    public void ACategoricalColumnNameThatIsNotAFeatureIsNamed()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new TextRow { X = 1, City = "Oslo" } });
        var error = Fails<ArgumentException>(new GanTrainer.Options { FeatureColumnNames = new[] { "X" }, CategoricalColumnNames = new[] { "City" }, Epochs = 1 }, data, ml);
        StringAssert.Contains(error.Message, "'City'");
        StringAssert.Contains(error.Message, "FeatureColumnNames");
    }

    [TestMethod]
    public void AFloatConditionIsRejectedWithTheExpectedTypes()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new NumericLabelRow { X = 1, Label = 0.5f } });
        var error = Fails<ArgumentException>(new GanTrainer.Options { FeatureColumnNames = new[] { "X" }, ConditionColumnName = "Label", Epochs = 1 }, data, ml);
        StringAssert.Contains(error.Message, "'Label'");
        StringAssert.Contains(error.Message, "Text, Boolean");
    }

    [TestMethod]
    public void EmptyDataIsRejected()
    {
        var ml = new MLContext(1);
        var empty = ml.Data.LoadFromEnumerable(Array.Empty<RingPoint>());
        var error = Fails<ArgumentException>(RingTraining.Options(GanLoss.Hinge, 1), empty, ml);
        StringAssert.Contains(error.Message, "no rows");
    }

    [TestMethod]
    public void NonFiniteFeatureValuesAreCountedAndNamed()
    {
        var ml = new MLContext(1);
        var points = RingOfGaussians.Points(100, 0.05, 1);
        points[3].Y = float.NaN;
        points[50].Y = float.PositiveInfinity;
        var error = Fails<ArgumentException>(RingTraining.Options(GanLoss.Hinge, 1), ml.Data.LoadFromEnumerable(points), ml);
        StringAssert.Contains(error.Message, "'Y'");
        StringAssert.Contains(error.Message, "2 of 100 rows");
        StringAssert.Contains(error.Message, "row 3");
    }

    [TestMethod]
    public void InfiniteValuesAreRejectedEvenWhereMissingValuesAreModelled()
    {
        var ml = new MLContext(1);
        var points = RingOfGaussians.Points(100, 0.05, 1);
        points[3].Y = float.NaN;
        points[50].Y = float.PositiveInfinity;
        var options = RingTraining.Options(GanLoss.Hinge, 1);
        options.NumericEncoding = GanNumericEncoding.ModeSpecificNormalization;
        var error = Fails<ArgumentException>(options, ml.Data.LoadFromEnumerable(points), ml);
        StringAssert.Contains(error.Message, "'Y'");
        StringAssert.Contains(error.Message, "infinite values in 1 of 100 rows");
        StringAssert.Contains(error.Message, "row 50");
    }

    [TestMethod]
    public void FewerRowsThanOneBatchTrainsWithSmallerBatchesAndSaysSo()
    {
        var ml = new MLContext(1);
        var warnings = new List<string>();
        ml.Log += (_, e) => { if (e.Message.Contains("BatchSize")) lock (warnings) warnings.Add(e.Message); };
        var sampler = ml.Gan().Trainer(RingTraining.Options(GanLoss.NonSaturating, 2)).Fit(RingOfGaussians.Load(ml, 30));
        Assert.HasCount(2, sampler.History.Epochs);
        Assert.IsTrue(warnings.Any(w => w.Contains("30 training rows")), "the smaller batch is reported");
    }

    [TestMethod]
    public void AnUnseenConditionAtSamplingListsTheKnownOnes()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => Conditional.Sample(10, condition: "m9"));
        StringAssert.Contains(error.Message, "'m9'");
        StringAssert.Contains(error.Message, "'m0'");
        Assert.AreEqual("condition", error.ParamName);
    }

    [TestMethod]
    public void AConditionForAnUnconditionalModelIsRejected()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => Unconditional.Sample(10, condition: "m1"));
        StringAssert.Contains(error.Message, "without a condition column");
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(-5)]
    public void ANonPositiveCountIsRejected(int count)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Unconditional.Sample(count));
        Assert.AreEqual("count", error.ParamName);
    }

    [TestMethod]
    public void TransformWithoutTheConditionColumnIsRejected()
    {
        var ml = new MLContext(1);
        var requests = ml.Data.LoadFromEnumerable(new[] { new NumericLabelRow() });
        var error = Assert.ThrowsExactly<ArgumentException>(() => Conditional.Transform(requests));
        StringAssert.Contains(error.Message, "Condition column 'Mode'");
    }

    [TestMethod]
    public void InvalidOptionsNameTheOption()
    {
        var ml = new MLContext(1);
        var options = RingTraining.Options(GanLoss.Hinge, epochs: -1);
        Assert.AreEqual("Epochs", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.Gan().Trainer(options)).ParamName);

        options = RingTraining.Options(GanLoss.Hinge, 1);
        options.LearningRate = 0;
        Assert.AreEqual("LearningRate", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.Gan().Trainer(options)).ParamName);

        options = RingTraining.Options(GanLoss.Hinge, 1);
        options.ModeSpecific.PointMassShare = 0.001;
        Assert.AreEqual("ModeSpecific.PointMassShare", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.Gan().Trainer(options)).ParamName);

        options = RingTraining.Options(GanLoss.Hinge, 1);
        options.FrequencyMatchingWeight = -1;
        Assert.AreEqual("FrequencyMatchingWeight", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.Gan().Trainer(options)).ParamName);

        foreach (var depth in new[] { 0, 5 })
        {
            options = RingTraining.Options(GanLoss.Hinge, 1);
            options.Image.DiscriminatorDepth = depth;
            Assert.AreEqual("Image.DiscriminatorDepth", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.Gan().Trainer(options)).ParamName);
            options = RingTraining.Options(GanLoss.Hinge, 1);
            options.Image.GeneratorDepth = depth;
            Assert.AreEqual("Image.GeneratorDepth", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.Gan().Trainer(options)).ParamName);
        }

        options = RingTraining.Options(GanLoss.Hinge, 1);
        options.FeatureColumnNames = Array.Empty<string>();
        Assert.AreEqual("FeatureColumnNames", Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(options)).ParamName);
    }
}
