using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Diagnostics;

[TestClass]
public sealed class NonFinitePolicyTests
{
    private static GanTrainer.Options Exploding(GanNonFinitePolicy policy)
    {
        var options = RingTraining.Options(GanLoss.NonSaturating, epochs: 20);
        options.LearningRate = 1e30;
        options.NonFinitePolicy = policy;
        return options;
    }

    [TestMethod]
    public void ThrowNamesTheEpoch()
    {
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => RingTraining.Fit(Exploding(GanNonFinitePolicy.Throw), rows: 400));
        StringAssert.Matches(error.Message, new System.Text.RegularExpressions.Regex(@"NaN or infinite in epoch \d+"));
        StringAssert.Contains(error.Message, "RestoreLastGood");
    }

    [TestMethod]
    public void RestoreLastGoodStopsWithFiniteNetworksAndSaysSo()
    {
        var sampler = RingTraining.Fit(Exploding(GanNonFinitePolicy.RestoreLastGood), rows: 400);

        var diagnosis = sampler.History.Diagnoses.Single(d => d.Problem == GanProblem.NonFiniteLoss);
        Assert.IsLessThan(20, sampler.History.Epochs.Count);
        Assert.AreEqual(diagnosis.Epoch - 1, sampler.History.SelectedEpoch);
        Assert.IsTrue(sampler.History.Epochs.All(e => double.IsFinite(e.DiscriminatorLoss) && double.IsFinite(e.GeneratorLoss)));
        var points = Columns.Points(sampler.Sample(100, seed: 1));
        Assert.IsTrue(points.All(p => double.IsFinite(p[0]) && double.IsFinite(p[1])), "the restored generator samples finite rows");
    }
}
