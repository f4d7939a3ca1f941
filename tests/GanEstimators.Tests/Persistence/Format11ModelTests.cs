using System.Globalization;
using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Persistence;

/// <summary>
/// A model saved in format 0x0001000B — the last before determined values — by the library of commit db4295d (origin,
/// destination, distance, delay: 400 rows in which every route has one distance; 16-wide networks, 3 epochs, seed 1):
/// it loads without determined values, so its distances stay the generator's, and samples the rows it sampled when
/// saved (20 unrequested, seed 4; 10 from origin A2, seed 5).
/// </summary>
[TestClass]
public sealed class Format11ModelTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Persistence", "Fixtures", name);

    [TestMethod]
    public void AFormat11ModelLoadsWithoutDeterminedValuesAndSamplesItsRecordedRows()
    {
        var ml = new MLContext(1);
        using var sampler = (GanSampler)ml.Model.Load(Fixture("format-0x0001000B.zip"), out _);
        Assert.IsTrue(sampler.KeepDeterminedValues, "an old model gets today's default");

        var rows = Sample(sampler);
        RecordedRows.AssertClose(File.ReadAllLines(Fixture("format-0x0001000B.samples.csv")), rows);
        sampler.KeepDeterminedValues = false;
        CollectionAssert.AreEqual(rows, Sample(sampler), "without saved determined values there is nothing to keep");
    }

    private static string[] Sample(GanSampler sampler) =>
        Lines(sampler.Sample(20, seed: 4)).Concat(Lines(sampler.Sample(10, new Dictionary<string, string> { ["Origin"] = "A2" }, seed: 5))).ToArray();

    private static string[] Lines(IDataView rows)
    {
        var origin = rows.GetColumn<string>("Origin").ToArray();
        var destination = rows.GetColumn<string>("Destination").ToArray();
        var distance = rows.GetColumn<float>("Distance").ToArray();
        var delay = rows.GetColumn<float>("Delay").ToArray();
        return origin.Select((o, i) => string.Join(',', o, destination[i], distance[i].ToString("R", CultureInfo.InvariantCulture), delay[i].ToString("R", CultureInfo.InvariantCulture))).ToArray();
    }
}
