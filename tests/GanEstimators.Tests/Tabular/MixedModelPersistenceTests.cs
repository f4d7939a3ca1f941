using Microsoft.ML;

namespace GanEstimators.Tests.Tabular;

[TestClass]
public sealed class MixedModelPersistenceTests
{
    [TestMethod]
    public void ASavedMixedModelLoadsAndSamplesTheSameRows()
    {
        var ml = new MLContext(1);
        var data = MixedTable.Load(ml, 300);
        using var sampler = ml.Gan().Trainer(MixedTable.Options(epochs: 3)).Fit(data);
        var path = Path.Combine(Path.GetTempPath(), $"mixed-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(sampler, data.Schema, path);
            var loaded = (GanSampler)ml.Model.Load(path, out _);
            var conditions = new Dictionary<string, string> { ["City"] = "Bergen" };
            var before = ml.Data.CreateEnumerable<MixedTable.Row>(sampler.Sample(200, conditions, seed: 9), reuseRowObject: false).ToArray();
            var after = ml.Data.CreateEnumerable<MixedTable.Row>(loaded.Sample(200, conditions, seed: 9), reuseRowObject: false).ToArray();
            for (var i = 0; i < before.Length; i++)
            {
                Assert.AreEqual(before[i].City, after[i].City);
                Assert.AreEqual(before[i].Temperature, after[i].Temperature);
                Assert.AreEqual(before[i].Visitors, after[i].Visitors);
                Assert.AreEqual(before[i].Sunny, after[i].Sunny);
                Assert.AreEqual(before[i].Day, after[i].Day);
                Assert.AreEqual(before[i].Rainfall, after[i].Rainfall);
            }
            loaded.Dispose();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
