using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Validation;

[TestClass]
public sealed class RangeAndResumeMessageTests
{
    public sealed class Measurement
    {
        public float X { get; set; }
        public double Big { get; set; }
    }

    public sealed class NumberedPoint
    {
        public float X { get; set; }
        public float Y { get; set; }
        public int Mode { get; set; }
    }

    private static ArgumentException TrainOnBig(double value)
    {
        var ml = new MLContext(1);
        var rows = Enumerable.Range(0, 50).Select(i => new Measurement { X = i, Big = i == 7 ? value : i }).ToArray();
        return Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(new GanTrainer.Options { FeatureColumnNames = new[] { "X", "Big" }, Epochs = 1 })
            .Fit(ml.Data.LoadFromEnumerable(rows)));
    }

    [TestMethod]
    [DataRow(1e300)]
    [DataRow(-1e300)]
    [DataRow(3.5e38)]
    public void AFiniteDoubleBeyondSingleIsCalledOutOfRangeNotInfinite(double value)
    {
        var error = TrainOnBig(value);

        StringAssert.Contains(error.Message, "'Big'");
        StringAssert.Contains(error.Message, "outside the range of Single");
        StringAssert.Contains(error.Message, "row 7");
        Assert.DoesNotContain("infinite", error.Message);
    }

    [TestMethod]
    public void AnInfiniteDoubleIsStillCalledInfinite()
    {
        var error = TrainOnBig(double.PositiveInfinity);

        StringAssert.Contains(error.Message, "'Big'");
        StringAssert.Contains(error.Message, "infinite");
    }

    [TestMethod]
    public void ResumingWithAConditionOfAnotherTypeNamesBothTypes()
    {
        var ml = new MLContext(1);
        var options = RingTraining.Options(GanLoss.Hinge, epochs: 1, condition: "Mode");
        var sampler = ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 200));
        var numbered = ml.Data.LoadFromEnumerable(RingOfGaussians.Points(200, 0.05, 0)
            .Select(p => new NumberedPoint { X = p.X, Y = p.Y, Mode = int.Parse(p.Mode[1..]) }));

        var error = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(options).Fit(numbered, sampler));

        StringAssert.Contains(error.Message, "'Mode'");
        StringAssert.Contains(error.Message, "String");
        StringAssert.Contains(error.Message, "Int32");
    }

    [TestMethod]
    public void NetworkSizesHaveDocumentedUpperBounds()
    {
        void Rejects(Action<GanTrainer.Options> change, string option, int limit)
        {
            var options = RingTraining.Options(GanLoss.Hinge, epochs: 1);
            change(options);
            var ml = new MLContext(1);
            var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 50)));
            Assert.AreEqual(option, error.ParamName);
            StringAssert.Contains(error.Message, limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Rejects(o => o.NoiseDimension = int.MaxValue, nameof(GanTrainer.Options.NoiseDimension), GanTrainer.Options.MaxNoiseDimension);
        Rejects(o => o.NoiseDimension = GanTrainer.Options.MaxNoiseDimension + 1, nameof(GanTrainer.Options.NoiseDimension), GanTrainer.Options.MaxNoiseDimension);
        Rejects(o => o.Mlp.GeneratorHiddenSizes = new[] { 64, int.MaxValue }, "Mlp.GeneratorHiddenSizes", GanTrainer.MlpOptions.MaxHiddenLayerWidth);
        Rejects(o => o.Mlp.DiscriminatorHiddenSizes = new[] { GanTrainer.MlpOptions.MaxHiddenLayerWidth + 1 }, "Mlp.DiscriminatorHiddenSizes", GanTrainer.MlpOptions.MaxHiddenLayerWidth);
        Rejects(o => o.Mlp.GeneratorHiddenSizes = Enumerable.Repeat(8, GanTrainer.MlpOptions.MaxHiddenLayers + 1).ToArray(), "Mlp.GeneratorHiddenSizes", GanTrainer.MlpOptions.MaxHiddenLayers);
        Rejects(o => o.Image.BaseChannels = int.MaxValue, "Image.BaseChannels", GanTrainer.ImageOptions.MaxBaseChannels);
    }

    [TestMethod]
    public void NetworkSizesAtTheirUpperBoundsAreAccepted()
    {
        var options = RingTraining.Options(GanLoss.Hinge, epochs: 0);
        options.NoiseDimension = GanTrainer.Options.MaxNoiseDimension;
        options.Mlp.GeneratorHiddenSizes = Enumerable.Repeat(8, GanTrainer.MlpOptions.MaxHiddenLayers).ToArray();
        var ml = new MLContext(1);

        using var sampler = ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 50));

        Assert.HasCount(3, Columns.Read<float>(sampler.Sample(3, seed: 1), "X"));
    }
}
