using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace GanEstimators.Tests.Persistence;

/// <summary>
/// A model of format 0x00010008 (the last before content hashes), written by commit 6ede5b5 from <see cref="SmallTable"/>
/// (2 epochs, seed 11, 16-wide networks, training state kept), still loads — with a warning that it carries no hashes —,
/// samples rows of the right columns, types and classes, and resumes training. Its recorded rows (20 unrequested with
/// seed 4, then 10 of class Gentoo with seed 5) are compared with a tolerance: libtorch on another CPU may differ in the
/// last bits, which can flip a close categorical or mode choice, so at least 80 % of the rows must agree, numbers to a
/// relative 1e-3, and every row must have the recorded row's class when one was requested.
/// </summary>
[TestClass]
public sealed class Format8ModelTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Persistence", "Fixtures", name);

    [TestMethod]
    public void AFormat8ModelLoadsWithANoteSamplesItsKindOfRowsAndResumes()
    {
        var ml = new MLContext(3);
        var warnings = new List<string>();
        ml.Log += (_, e) =>
        {
            if (e.Kind == ChannelMessageKind.Warning) lock (warnings) warnings.Add(e.Message);
        };
        using var sampler = (GanSampler)ml.Model.Load(Fixture("format-0x00010008.zip"), out _);
        Assert.IsTrue(warnings.Any(w => w.Contains("0x00010008") && w.Contains("hashes")), string.Join("\n", warnings));
        Assert.IsTrue(sampler.CanResumeTraining);
        CollectionAssert.AreEqual(new[] { "Island", "Mass", "Rain", "Count" }, sampler.FeatureColumnNames.ToArray());

        var unrequested = ml.Data.CreateEnumerable<SmallTable.Row>(sampler.Sample(20, seed: 4), reuseRowObject: false).ToArray();
        var gentoo = ml.Data.CreateEnumerable<SmallTable.Row>(sampler.Sample(10, "Gentoo", seed: 5), reuseRowObject: false).ToArray();
        foreach (var row in unrequested.Concat(gentoo))
        {
            CollectionAssert.Contains(SmallTable.SpeciesNames, row.Species);
            CollectionAssert.Contains(SmallTable.IslandNames, row.Island);
            Assert.IsTrue(float.IsNaN(row.Mass) || row.Mass is >= 3000 and < 4200, $"Mass {row.Mass} lies in the training range");
            Assert.IsTrue(row.Rain is >= 0 and <= 4.9f, $"Rain {row.Rain} lies in the training range");
            Assert.IsTrue(row.Count is >= 0 and <= 8, $"Count {row.Count} lies in the training range");
        }
        Assert.IsTrue(gentoo.All(r => r.Species == "Gentoo"));

        var recorded = File.ReadAllLines(Fixture("format-0x00010008.samples.csv")).Select(l => l.Split(',')).ToArray();
        var rows = unrequested.Concat(gentoo).ToArray();
        Assert.HasCount(recorded.Length, rows);
        var agreeing = rows.Zip(recorded).Count(pair => Agrees(pair.First, pair.Second));
        Assert.IsGreaterThanOrEqualTo(24, agreeing, $"{agreeing} of 30 rows agree with the recorded ones");

        using var resumed = ml.Gan().Trainer(SmallTable.Options(epochs: 1)).Fit(SmallTable.Load(ml), resumeFrom: sampler);
        Assert.AreEqual(sampler.History.Epochs.Count + 1, resumed.History.Epochs.Count);
        Assert.IsTrue(sampler.History.Epochs.All(e => double.IsNaN(e.GeneratorLearningRate) && double.IsNaN(e.DiscriminatorLearningRate)), "an older history has no recorded rates");
        Assert.IsFalse(double.IsNaN(resumed.History.Epochs[^1].GeneratorLearningRate), "the resumed epoch records its rate");
    }

    private static bool Agrees(SmallTable.Row row, string[] recorded) =>
        row.Species == recorded[0] && row.Island == recorded[1]
        && Close(row.Mass, recorded[2]) && Close(row.Rain, recorded[3]) && row.Count.ToString(CultureInfo.InvariantCulture) == recorded[4];

    private static bool Close(float value, string recorded)
    {
        var expected = float.Parse(recorded, CultureInfo.InvariantCulture);
        return float.IsNaN(expected) ? float.IsNaN(value) : Math.Abs(value - expected) <= 1e-3 * Math.Max(1, Math.Abs(expected));
    }
}
