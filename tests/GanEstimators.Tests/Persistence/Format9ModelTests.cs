using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace GanEstimators.Tests.Persistence;

/// <summary>
/// A model saved in format 0x00010009 — the last before constraints and recorded combinations — by the library of
/// commit 7f3cae9 (a conditional penguins model: species; island, bill_length_mm, sex): it loads without constraints,
/// generates exactly the rows that library generated, and cannot tell an unseen combination, so it never refuses one.
/// </summary>
[TestClass]
public sealed class Format9ModelTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Persistence", "Fixtures", name);

    [TestMethod]
    public void AFormat9ModelLoadsWithoutConstraintsAndGeneratesItsRecordedRows()
    {
        var ml = new MLContext(1);
        var warnings = new List<string>();
        ml.Log += (_, e) =>
        {
            if (e.Kind == ChannelMessageKind.Warning) lock (warnings) warnings.Add(e.Message);
        };
        using var sampler = (GanSampler)ml.Model.Load(Fixture("format-0x00010009.zip"), out _);
        Assert.IsEmpty(sampler.Constraints);
        // The rows were recorded before categorical draws were calibrated by default (a sampling choice, not part of the format).
        Assert.IsTrue(sampler.CalibrateCategories, "an old model gets today's default");
        sampler.CalibrateCategories = false;

        CollectionAssert.AreEqual(File.ReadAllLines(Fixture("format-0x00010009.samples.csv")), Lines(sampler.Sample(20, seed: 4)));
        sampler.UnseenCombinations = GanUnseenCombinations.Refuse;
        var gentooOnDream = sampler.Sample(10, new Dictionary<string, string> { ["island"] = "Dream", ["species"] = "Gentoo" }, seed: 5);
        CollectionAssert.AreEqual(File.ReadAllLines(Fixture("format-0x00010009.gentoo-on-dream.csv")), Lines(gentooOnDream));
        Assert.IsEmpty(warnings, string.Join("\n", warnings));
    }

    private static string[] Lines(IDataView rows)
    {
        var species = rows.GetColumn<string>("species").ToArray();
        var island = rows.GetColumn<string>("island").ToArray();
        var bill = rows.GetColumn<float>("bill_length_mm").ToArray();
        var sex = rows.GetColumn<string>("sex").ToArray();
        return species.Select((s, i) => string.Join(',', s, island[i], bill[i].ToString("R", CultureInfo.InvariantCulture), sex[i])).ToArray();
    }
}
