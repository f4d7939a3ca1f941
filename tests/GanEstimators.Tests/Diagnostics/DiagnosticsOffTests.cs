using GanEstimators.Tests.Support;

namespace GanEstimators.Tests.Diagnostics;

/// <summary><c>EnableDiagnostics = false</c> turns off the whole training doctor, its collapse probe included, as documented.</summary>
[TestClass]
public sealed class DiagnosticsOffTests
{
    [TestMethod]
    public void WithoutDiagnosticsTheCollapseRatioIsNotMeasured()
    {
        var options = RingTraining.Options(GanLoss.Hinge, epochs: 2);
        options.EnableDiagnostics = false;

        using var sampler = RingTraining.Fit(options, rows: 200);

        Assert.HasCount(2, sampler.History.Epochs);
        Assert.IsTrue(sampler.History.Epochs.All(e => double.IsNaN(e.CollapseRatio)), "no collapse probe without the doctor");
    }
}
