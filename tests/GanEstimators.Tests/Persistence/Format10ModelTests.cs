using System.Globalization;
using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Persistence;

/// <summary>
/// A model saved in format 0x0001000A — the last before value quantiles — by the library of commit 8375d48 (a
/// conditional penguins model: species; island, bill_length_mm, body_mass_g, sex; the fixed combinations of island
/// and species; 16-wide networks, 3 epochs, seed 1): it loads with its constraint, has no quantiles, so calibrating
/// numbers changes nothing, and samples the rows it sampled when saved (20 unrequested, seed 4; 10 Gentoo, seed 5).
/// </summary>
[TestClass]
public sealed class Format10ModelTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Persistence", "Fixtures", name);

    [TestMethod]
    public void AFormat10ModelLoadsWithItsConstraintAndSamplesItsRecordedRowsUncalibrated()
    {
        var ml = new MLContext(1);
        using var sampler = (GanSampler)ml.Model.Load(Fixture("format-0x0001000A.zip"), out _);
        Assert.HasCount(1, sampler.Constraints);
        Assert.IsTrue(sampler.CalibrateNumbers, "an old model gets today's default");
        Assert.IsTrue(sampler.KeepSeenPairs, "an old model gets today's default (from the combinations it recorded)");
        // The rows were recorded before seen pairs were kept (species and island are such a pair).
        sampler.KeepSeenPairs = false;

        var rows = Lines(sampler.Sample(20, seed: 4)).Concat(Lines(sampler.Sample(10, "Gentoo", seed: 5))).ToArray();
        RecordedRows.AssertClose(File.ReadAllLines(Fixture("format-0x0001000A.samples.csv")), rows);
        sampler.CalibrateNumbers = false;
        CollectionAssert.AreEqual(rows, Lines(sampler.Sample(20, seed: 4)).Concat(Lines(sampler.Sample(10, "Gentoo", seed: 5))).ToArray(),
            "without saved quantiles there is nothing to calibrate");
    }

    private static string[] Lines(IDataView rows)
    {
        var species = rows.GetColumn<string>("species").ToArray();
        var island = rows.GetColumn<string>("island").ToArray();
        var bill = rows.GetColumn<float>("bill_length_mm").ToArray();
        var mass = rows.GetColumn<float>("body_mass_g").ToArray();
        var sex = rows.GetColumn<string>("sex").ToArray();
        return species.Select((s, i) => string.Join(',', s, island[i], bill[i].ToString("R", CultureInfo.InvariantCulture), mass[i].ToString("R", CultureInfo.InvariantCulture), sex[i])).ToArray();
    }
}
