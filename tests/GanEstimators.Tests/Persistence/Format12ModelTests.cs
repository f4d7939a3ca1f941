using System.Globalization;
using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Persistence;

/// <summary>
/// A model saved in format 0x0001000C — the last before normal-score correlations — by the library of commit 00b9b26
/// (season, high, low, wind: DependenceData.Days(1, 400); 16-wide networks, 3 epochs, seed 1): it loads without
/// correlations, so its numbers are calibrated column by column, and samples the rows it sampled when saved (20
/// unrequested, seed 4; 10 of summer, seed 5).
/// </summary>
[TestClass]
public sealed class Format12ModelTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Persistence", "Fixtures", name);

    [TestMethod]
    public void AFormat12ModelLoadsWithoutCorrelationsAndSamplesItsRecordedRows()
    {
        var ml = new MLContext(1);
        using var sampler = (GanSampler)ml.Model.Load(Fixture("format-0x0001000C.zip"), out _);
        Assert.IsTrue(sampler.CalibrateDependence, "an old model gets today's default");

        var rows = Sample(sampler);
        RecordedRows.AssertClose(File.ReadAllLines(Fixture("format-0x0001000C.samples.csv")), rows);
        sampler.CalibrateDependence = false;
        CollectionAssert.AreEqual(rows, Sample(sampler), "without saved correlations there is no dependence to calibrate");
    }

    private static string[] Sample(GanSampler sampler) =>
        Lines(sampler.Sample(20, seed: 4)).Concat(Lines(sampler.Sample(10, new Dictionary<string, string> { ["Season"] = "summer" }, seed: 5))).ToArray();

    private static string[] Lines(IDataView rows)
    {
        var season = rows.GetColumn<string>("Season").ToArray();
        var high = rows.GetColumn<float>("High").ToArray();
        var low = rows.GetColumn<float>("Low").ToArray();
        var wind = rows.GetColumn<float>("Wind").ToArray();
        return season.Select((s, i) => string.Join(',', s, F(high[i]), F(low[i]), F(wind[i]))).ToArray();
    }

    private static string F(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
