using GanEstimators.Evaluation;
using GanEstimators.Tests.Support;

namespace GanEstimators.Tests.Diagnostics;

[TestClass]
public sealed class PacGanTests
{
    [TestMethod]
    [DataRow(GanLoss.NonSaturating)]
    [DataRow(GanLoss.WassersteinGradientPenalty)]
    [TestCategory(TestCategories.Slow)]
    public void APackedDiscriminatorTrainsAndCoversTheRing(GanLoss loss)
    {
        var options = RingTraining.Options(loss, epochs: loss == GanLoss.NonSaturating ? 250 : 100);
        options.LearningRate = loss == GanLoss.WassersteinGradientPenalty ? 5e-4 : null;   // see EveryLossLearnsTheRingTests
        options.PacSize = 3;
        options.BatchSize = 200;   // rounded down to 198

        var sampler = RingTraining.Fit(options);

        var coverage = ModeCoverage.Evaluate(Columns.Points(sampler.Sample(2500, seed: 4)), ModeCoverage.Ring(), 0.05);
        Assert.AreEqual(8, coverage.ModesCaptured, coverage.ToString());
    }
}
