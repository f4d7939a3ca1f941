using GanEstimators.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Sampling;

/// <summary>
/// GanSampler.CalibrateDependence: calibrated numbers keep the training rows' correlations; each column keeps its
/// calibrated distribution; columns it does not act on, and samplers with it off, are as before.
/// </summary>
[TestClass]
public sealed class DependenceCalibrationTests
{
    private static (float[] High, float[] Low, float[] Wind, string[] Season) Columns(IDataView rows) =>
        (rows.GetColumn<float>("High").ToArray(), rows.GetColumn<float>("Low").ToArray(), rows.GetColumn<float>("Wind").ToArray(), rows.GetColumn<string>("Season").ToArray());

    // Spearman's rank correlation: Pearson's (the evaluation's own) over average ranks.
    internal static double RankCorrelation(IReadOnlyList<float> a, IReadOnlyList<float> b) => PairTrends.Correlation(Ranks(a), Ranks(b));

    private static double[] Ranks(IReadOnlyList<float> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            for (var k = start; k <= end; k++) ranks[order[k]] = (start + end) / 2.0;
            start = end + 1;
        }
        return ranks;
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    public void HighsAndLowsCorrelateAsInTrainingAndKeepTheirDistributions(int seed)
    {
        var days = DependenceData.Days(seed);
        var training = RankCorrelation(days.Select(d => d.High).ToArray(), days.Select(d => d.Low).ToArray());
        using var sampler = DependenceData.Train(days, seed);
        Assert.IsTrue(sampler.CalibrateDependence, "on by default");
        var kept = Columns(sampler.Sample(4000, seed: 7));
        sampler.CalibrateDependence = false;
        var free = Columns(sampler.Sample(4000, seed: 7));

        var withIt = RankCorrelation(kept.High, kept.Low);
        var without = RankCorrelation(free.High, free.Low);
        Assert.IsLessThan(0.03, Math.Abs(withIt - training), $"training {training:F3}, calibrated {withIt:F3}");
        Assert.IsGreaterThan(0.15, Math.Abs(without - training), $"without the dependence this short training gives {without:F3} against {training:F3}, so the check above can fail");
        var windTraining = RankCorrelation(days.Select(d => d.High).ToArray(), days.Select(d => d.Wind).ToArray());
        Assert.IsLessThan(0.08, Math.Abs(RankCorrelation(kept.High, kept.Wind) - windTraining), $"the wind depends on neither: {RankCorrelation(kept.High, kept.Wind):F3} against {windTraining:F3} in training");
        Assert.IsLessThan(0.05, NumberCalibrationTests.Distance(free.Low, kept.Low), "each column keeps its calibrated distribution");
        Assert.IsLessThan(0.05, NumberCalibrationTests.Distance(free.High, kept.High), "each column keeps its calibrated distribution");
        CollectionAssert.AreEqual(free.Season, kept.Season, "categories are untouched");
    }

    [TestMethod]
    public void TheSwitchChangesNothingWithoutNumberCalibration()
    {
        var days = DependenceData.Days(4);
        using var sampler = DependenceData.Train(days, 4);
        sampler.CalibrateNumbers = false;
        var off = Columns(sampler.Sample(500, seed: 3));
        sampler.CalibrateDependence = false;
        var both = Columns(sampler.Sample(500, seed: 3));
        CollectionAssert.AreEqual(both.High, off.High);
        CollectionAssert.AreEqual(both.Low, off.Low);
    }

    [TestMethod]
    public void TheCorrelationsTravelWithTheModel()
    {
        var days = DependenceData.Days(5);
        using var sampler = DependenceData.Train(days, 5);
        var ml = new MLContext(5);
        var path = Path.Combine(Path.GetTempPath(), $"dependence-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(sampler, ml.Data.LoadFromEnumerable(days).Schema, path);
            using var loaded = (GanSampler)ml.Model.Load(path, out _);
            var before = Columns(sampler.Sample(300, seed: 9));
            var after = Columns(loaded.Sample(300, seed: 9));
            CollectionAssert.AreEqual(before.High, after.High);
            CollectionAssert.AreEqual(before.Low, after.Low);
            loaded.CalibrateDependence = false;
            CollectionAssert.AreNotEqual(after.Low, Columns(loaded.Sample(300, seed: 9)).Low, "the loaded model calibrates the dependence (so the checks above can fail)");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
