using GanEstimators.Tests.Support;
using Microsoft.ML;
using static GanEstimators.Tests.Constraints.ConstraintData;

namespace GanEstimators.Tests.Constraints;

/// <summary>A constrained model keeps its constraints when saved: in this process and in a fresh one.</summary>
[TestClass]
public sealed class ConstraintPersistenceTests
{
    private static string WorkDirectory => Directory.CreateDirectory(Path.Combine(TempFolders.Root, nameof(ConstraintPersistenceTests))).FullName;

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void AConstrainedModelLoadsInAFreshProcessAndStillFollowsItsConstraints()
    {
        var ml = new MLContext(2);
        var weather = Weather(ml);
        var options = Short(WeatherFeatures, GanConstraint.Inequality("temp_min", "temp_max"), GanConstraint.ScalarRange("wind", 0.4, 9.5));
        options.Epochs = 1;
        using var sampler = ml.Gan().Trainer(options).Fit(weather);
        var path = Path.Combine(WorkDirectory, "constrained.zip");
        ml.Model.Save(sampler, weather.Schema, path);

        using (var loaded = (GanSampler)new MLContext().Model.Load(path, out _))
        {
            CollectionAssert.AreEqual(sampler.Constraints.ToArray(), loaded.Constraints.ToArray());
            CollectionAssert.AreEqual(Column<float>(sampler.Sample(500, seed: 3), "temp_max"), Column<float>(loaded.Sample(500, seed: 3), "temp_max"));
        }

        var requests = ml.Data.TakeRows(weather, 400);
        var inProcess = sampler.Transform(requests);
        var fresh = FreshProcess.Transform(ml, path, requests, WorkDirectory);
        CollectionAssert.AreEqual(Column<float>(inProcess, "temp_max"), Column<float>(fresh, "temp_max"));
        var low = Column<float>(fresh, "temp_min");
        var high = Column<float>(fresh, "temp_max");
        Assert.IsTrue(low.Zip(high).All(p => p.First <= p.Second), "the fresh process's rows follow temp_min <= temp_max");
        Assert.IsTrue(Column<float>(fresh, "wind").All(w => w >= 0.4f && w <= 9.5f), "and 0.4 <= wind <= 9.5");
    }

    [TestMethod]
    public void ModelsOfEarlierFormatsLoadWithoutConstraints()
    {
        // The fixtures of the formats before 0x0001000A, which added constraints.
        var fixtures = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Persistence", "Fixtures"), "format-*.zip")
            .Where(f => Convert.ToUInt32(Path.GetFileName(f)["format-0x".Length..("format-0x".Length + 8)], 16) < 0x0001000A).ToArray();
        Assert.IsNotEmpty(fixtures);
        foreach (var fixture in fixtures)
        {
            using var sampler = (GanSampler)new MLContext().Model.Load(fixture, out _);
            Assert.IsEmpty(sampler.Constraints, Path.GetFileName(fixture));
        }
    }
}
