using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Persistence;

[TestClass]
public sealed class SaveLoadTests
{
    public TestContext TestContext { get; set; } = null!;

    private string WorkDirectory => Directory.CreateDirectory(Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), TestContext.TestName!)).FullName;

    [TestMethod]
    public void AStandaloneSamplerReloadsAndSamplesTheSameRows()
    {
        var ml = new MLContext(1);
        var data = RingOfGaussians.Load(ml, 400);
        var sampler = ml.Gan().Trainer(RingTraining.Options(GanLoss.NonSaturating, epochs: 3, condition: "Mode")).Fit(data);
        var path = Path.Combine(WorkDirectory, "gan.zip");
        ml.Model.Save(sampler, data.Schema, path);

        var loaded = new MLContext().Model.Load(path, out var inputSchema);

        Assert.IsInstanceOfType<GanSampler>(loaded);
        var reloaded = (GanSampler)loaded;
        AssertSameRows(sampler.Sample(300, "m4", seed: 9), reloaded.Sample(300, "m4", seed: 9));
        AssertSameRows(sampler.Sample(300, seed: 10), reloaded.Sample(300, seed: 10));
        Assert.HasCount(3, reloaded.History.Epochs);
        Assert.AreEqual(sampler.History.Epochs[^1], reloaded.History.Epochs[^1]);
        Assert.IsNotNull(inputSchema.GetColumnOrNull("Mode"));
    }

    [TestMethod]
    public void AChainAfterNormalizeMinMaxLoadsInAFreshProcessAndTransformsIdentically()
    {
        var ml = new MLContext(2);
        var data = RingOfGaussians.Load(ml, 400);
        var pipeline = ml.Transforms.Concatenate("Point", "X", "Y")
            .Append(ml.Transforms.NormalizeMinMax("Point"))
            .Append(ml.Gan().Trainer(new GanTrainer.Options
            {
                FeatureColumnNames = new[] { "Point" },
                ConditionColumnName = "Mode",
                Loss = GanLoss.LeastSquares,
                Epochs = 3,
                NoiseDimension = 4,
                Mlp =
                {
                    GeneratorHiddenSizes = new[] { 16 },
                    DiscriminatorHiddenSizes = new[] { 16 },
                },
            }));
        var model = pipeline.Fit(data);
        var path = Path.Combine(WorkDirectory, "chain.zip");
        ml.Model.Save(model, data.Schema, path);

        var requests = RingOfGaussians.Load(ml, 64, seed: 5);
        var inProcess = model.Transform(requests);
        var freshProcess = FreshProcess.Transform(ml, path, requests, WorkDirectory);

        var expected = inProcess.GetColumn<VBuffer<float>>("Point").Select(v => v.DenseValues().ToArray()).ToArray();
        var actual = freshProcess.GetColumn<VBuffer<float>>("Point").Select(v => v.DenseValues().ToArray()).ToArray();
        Assert.HasCount(64, actual);
        for (var i = 0; i < expected.Length; i++) CollectionAssert.AreEqual(expected[i], actual[i], $"row {i}");
        Assert.IsInstanceOfType<GanSampler>(model.LastTransformer);
    }

    [TestMethod]
    public void AChainReloadedInProcessWithAFreshContextTransformsIdentically()
    {
        var ml = new MLContext(3);
        var data = RingOfGaussians.Load(ml, 300);
        var model = ml.Transforms.NormalizeMinMax("X")
            .Append(ml.Gan().Trainer(RingTraining.Options(GanLoss.Hinge, epochs: 2)))
            .Fit(data);
        var path = Path.Combine(WorkDirectory, "chain.zip");
        ml.Model.Save(model, data.Schema, path);

        var reloaded = new MLContext().Model.Load(path, out _);

        var requests = RingOfGaussians.Load(ml, 50, seed: 8);
        CollectionAssert.AreEqual(Columns.Read<float>(model.Transform(requests), "Y"), Columns.Read<float>(reloaded.Transform(requests), "Y"));
    }

    private static void AssertSameRows(IDataView expected, IDataView actual)
    {
        CollectionAssert.AreEqual(Columns.Read<float>(expected, "X"), Columns.Read<float>(actual, "X"));
        CollectionAssert.AreEqual(Columns.Read<float>(expected, "Y"), Columns.Read<float>(actual, "Y"));
        CollectionAssert.AreEqual(Columns.Read<string>(expected, "Mode"), Columns.Read<string>(actual, "Mode"));
    }
}
