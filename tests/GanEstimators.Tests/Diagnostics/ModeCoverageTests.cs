using GanEstimators.Evaluation;

namespace GanEstimators.Tests.Diagnostics;

[TestClass]
public sealed class ModeCoverageTests
{
    [TestMethod]
    public void PerfectSamplesScoreOneHundredPercentAllModesAndZeroKl()
    {
        var modes = ModeCoverage.Grid();
        var samples = Enumerable.Range(0, 2500).Select(i => modes[i % 25].Select(v => v + 0.01).ToArray()).ToArray();

        var report = ModeCoverage.Evaluate(samples, modes, sigma: 0.05);

        Assert.AreEqual(1.0, report.HighQualityShare);
        Assert.AreEqual(25, report.ModesCaptured);
        Assert.AreEqual(0.0, report.ReverseKl, 1e-12);
    }

    [TestMethod]
    public void ACollapsedGeneratorScoresOneModeAndLogKl()
    {
        var samples = Enumerable.Range(0, 100).Select(_ => new[] { 2.0, 0.0 }).Append(new[] { 9.0, 9.0 }).ToArray();

        var report = ModeCoverage.Evaluate(samples, ModeCoverage.Ring(), sigma: 0.02);

        Assert.AreEqual(1, report.ModesCaptured);
        Assert.AreEqual(100 / 101.0, report.HighQualityShare, 1e-12);
        Assert.AreEqual(Math.Log(8), report.ReverseKl, 1e-12);
    }
}
