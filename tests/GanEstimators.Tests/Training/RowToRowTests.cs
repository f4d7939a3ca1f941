using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Training;

[TestClass]
public sealed class RowToRowTests
{
    public sealed class Request
    {
        public string Mode { get; set; } = "";
    }

    public sealed class Generated
    {
        public float X { get; set; }
        public float Y { get; set; }
        public string Mode { get; set; } = "";
    }

    public sealed class MixedRow
    {
        public double Price { get; set; }
        public int Rooms { get; set; }
        public bool Garden { get; set; }
        [VectorType(3)] public float[] Shape { get; set; } = new float[3];
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void PredictionEngineGeneratesARowOfTheRequestedClassEachCall()
    {
        var sampler = RingTraining.Fit(RingTraining.Options(GanLoss.NonSaturating, epochs: 200, condition: "Mode"));
        var engine = new MLContext(0).Model.CreatePredictionEngine<Request, Generated>(sampler);

        var rows = Enumerable.Range(0, 40).Select(_ => engine.Predict(new Request { Mode = "m5" })).ToArray();

        Assert.IsTrue(rows.All(r => r.Mode == "m5"));
        Assert.IsGreaterThan(35, rows.Count(r => RingOfGaussians.NearestMode(r.X, r.Y) == 5));
        Assert.IsGreaterThan(30, rows.Select(r => r.X).Distinct().Count(), "each call draws new noise");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void OutputColumnsKeepTheTrainingNamesAndTypes()
    {
        var ml = new MLContext(4);
        var random = new Random(1);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 300).Select(i => new MixedRow
        {
            Price = 100_000 + 5_000 * random.NextDouble(),
            Rooms = 1 + i % 5,
            Garden = i % 3 == 0,
            Shape = new[] { (float)random.NextDouble(), 2f, -1f },
        }));
        var sampler = ml.Gan().Trainer(new GanTrainer.Options
        {
            FeatureColumnNames = new[] { "Price", "Rooms", "Garden", "Shape" },
            Epochs = 20,
            BatchSize = 100,
        }).Fit(data);

        var sample = sampler.Sample(200, seed: 1);
        var transformed = sampler.Transform(data);

        foreach (var output in new[] { sample, transformed })
        {
            foreach (var name in new[] { "Price", "Rooms", "Garden", "Shape" })
                Assert.AreEqual(data.Schema[name].Type, output.Schema[name].Type, name);
        }
        Assert.HasCount(300, Columns.Read<int>(transformed, "Rooms"));
        var prices = Columns.Read<double>(sample, "Price");
        Assert.IsTrue(prices.Average() is > 90_000 and < 115_000, $"mean price {prices.Average()}");
        var shapes = sample.GetColumn<VBuffer<float>>("Shape").Select(v => v.DenseValues().ToArray()).ToArray();
        Assert.IsTrue(shapes.All(s => s.Length == 3));
    }
}
