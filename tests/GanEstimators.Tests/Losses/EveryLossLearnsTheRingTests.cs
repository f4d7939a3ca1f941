using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Losses;

[TestClass]
public sealed class EveryLossLearnsTheRingTests
{
    // Small budgets chosen so each loss runs in seconds on two CPU cores, with its paper's optimiser defaults except
    // WGAN-GP's learning rate: 1e-4 is tuned for ~100k generator iterations, and this budget has 1,000.
    // The bar (halve the energy distance of the untrained generator) is the acceptance criterion.
    // PacGAN packing 4: without it NonSaturating and WGAN-GP collapse onto a few modes on these tiny networks for most
    // seeds (ratios after/before over seeds 1-6: NS 0.09-1.56, WGAN-GP 0.18-3.31; only seed 2 halved for both), so a
    // bar met by one seed on one CPU failed on another. With it, every loss over seeds 1, 3, 4, 5 (AMD EPYC, one
    // thread) ends at 0.04-0.16 of the untrained distance: a margin of 3x under the bar.
    [TestMethod]
    [DataRow(GanLoss.Minimax, 150, null)]
    [DataRow(GanLoss.NonSaturating, 150, null)]
    [DataRow(GanLoss.Wasserstein, 60, null)]
    [DataRow(GanLoss.WassersteinGradientPenalty, 100, 5e-4)]
    [DataRow(GanLoss.LeastSquares, 150, null)]
    [DataRow(GanLoss.Hinge, 60, null)]
    [TestCategory(TestCategories.Slow)]
    public void TrainingAtLeastHalvesTheEnergyDistance(GanLoss loss, int epochs, double? learningRate)
    {
        var ml = new MLContext(3);
        var real = Columns.Points(RingOfGaussians.Load(ml, 1000, sigma: 0.05, seed: 99));

        var untrained = RingTraining.Fit(RingTraining.Options(loss, epochs: 0), seed: 2);
        var options = RingTraining.Options(loss, epochs);
        options.LearningRate = learningRate;
        options.PacSize = 4;
        var trained = RingTraining.Fit(options, seed: 2);

        var before = EnergyDistance.Between(real, Columns.Points(untrained.Sample(1000, seed: 5)));
        var after = EnergyDistance.Between(real, Columns.Points(trained.Sample(1000, seed: 5)));
        Console.WriteLine($"{loss}: energy distance {before:F4} untrained → {after:F4} after {epochs} epochs");
        Assert.IsLessThan(before / 2, after, $"{loss}: {before:F4} → {after:F4}");
        Assert.HasCount(epochs, trained.History.Epochs);
    }
}
