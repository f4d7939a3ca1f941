using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Sampling;

[TestClass]
public sealed class TransformHidingTests
{
    private sealed class Row
    {
        public float X { get; set; }
        public float Y { get; set; }
    }

    [TestMethod]
    public void SyntheticColumnsHideTheInputsOwnColumnsAndSaySo()
    {
        var ml = new MLContext(3);
        var warnings = new List<string>();
        ml.Log += (_, e) => { if (e.Kind == Microsoft.ML.Runtime.ChannelMessageKind.Warning) lock (warnings) warnings.Add(e.Message); };
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 64).Select(i => new Row { X = 1000 + i, Y = i % 4 }));
        var sampler = ml.Gan().Trainer(new GanTrainer.Options { FeatureColumnNames = new[] { "X" }, Epochs = 1, BatchSize = 32 }).Fit(data);

        var output = sampler.Transform(data);

        var xs = output.Schema.Where(c => c.Name == "X").ToArray();
        Assert.HasCount(2, xs, "the input's X stays in the schema");
        Assert.IsTrue(xs[0].IsHidden && !xs[1].IsHidden);
        Assert.IsFalse(output.Schema["Y"].IsHidden, "columns the GAN does not generate pass through");
        var original = output.GetColumn<float>(xs[0]).ToArray();
        var synthetic = output.GetColumn<float>("X").ToArray();
        CollectionAssert.AreEqual(Enumerable.Range(0, 64).Select(i => 1000f + i).ToArray(), original);
        CollectionAssert.AreNotEqual(original, synthetic);
        Assert.IsTrue(warnings.Any(w => w.Contains("'X'") && w.Contains("hide") && !w.Contains("'Y'")), string.Join("\n", warnings));
    }

    [TestMethod]
    public void NoWarningWhenNoInputColumnIsHidden()
    {
        var ml = new MLContext(3);
        var warnings = new List<string>();
        ml.Log += (_, e) => { if (e.Kind == Microsoft.ML.Runtime.ChannelMessageKind.Warning && e.Message.Contains("hide")) lock (warnings) warnings.Add(e.Message); };
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 64).Select(i => new Row { X = i, Y = i % 4 }));
        var sampler = ml.Gan().Trainer(new GanTrainer.Options { FeatureColumnNames = new[] { "X" }, Epochs = 1, BatchSize = 32 }).Fit(data);
        var requests = ml.Transforms.DropColumns("X").Fit(data).Transform(data);

        var output = sampler.Transform(requests);

        Assert.HasCount(64, output.GetColumn<float>("X").ToArray());
        Assert.IsEmpty(warnings, string.Join("\n", warnings));
    }
}
