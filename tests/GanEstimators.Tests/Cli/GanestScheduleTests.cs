using GanEstimators.Tests.Support;

namespace GanEstimators.Tests.Cli;

/// <summary><c>ganest train</c> prints the schedule it chose from the table, and the options given win.</summary>
[TestClass]
public sealed class GanestScheduleTests : GanestTestFolder
{
    private string WriteCsv(bool withMode)
    {
        var path = Path.Combine(Folder, withMode ? "modes.csv" : "numbers.csv");
        var points = RingOfGaussians.Points(400, 0.05, 1);
        File.WriteAllLines(path, new[] { withMode ? "mode,x,y" : "x,y" }.Concat(points.Select(p => (withMode ? $"{p.Mode}," : "") + $"{p.X:F3},{p.Y:F3}")));
        return path;
    }

    [TestMethod]
    public void AnAllNumericTableIsTrainedWithPackingInSmallBatches()
    {
        var train = Ganest.Run("train", "--data", WriteCsv(withMode: false), "--model", Path.Combine(Folder, "numbers.zip"), "--epochs", "1");

        Assert.AreEqual(0, train.ExitCode, train.Output);
        StringAssert.Contains(train.Output, "an all-numeric table");
        StringAssert.Contains(train.Output, "batch 50, 1 epochs (8 generator steps), PacGAN 2");
        StringAssert.Contains(train.Output, "epochs as given");
    }

    [TestMethod]
    public void WithMaxTrainingRowsTheScheduleIsChosenForTheSampleNotTheWholeFile()
    {
        var train = Ganest.Run("train", "--data", WriteCsv(withMode: false), "--model", Path.Combine(Folder, "sampled.zip"), "--epochs", "1", "--max-training-rows", "100");

        Assert.AreEqual(0, train.ExitCode, train.Output);
        StringAssert.Contains(train.Output, "Schedule for 100 rows");
        StringAssert.Contains(train.Output, "batch 50, 1 epochs (2 generator steps), PacGAN 2");
    }

    [TestMethod]
    public void AnAllNumericTablesLearningRatesDecayOverTheSecondHalfUnlessAScheduleIsGiven()
    {
        var data = WriteCsv(withMode: false);
        var chosen = Ganest.Run("train", "--data", data, "--model", Path.Combine(Folder, "chosen.zip"), "--epochs", "4");
        var given = Ganest.Run("train", "--data", data, "--model", Path.Combine(Folder, "given.zip"), "--epochs", "4", "--lr-schedule", "constant");

        Assert.AreEqual(0, chosen.ExitCode, chosen.Output);
        StringAssert.Contains(chosen.Output, "learning rates decaying (linear) over the last 2 epochs");
        CollectionAssert.AreEqual(new[] { 1, 1, 0.666667, 0.333333 }, RelativeRates(Path.Combine(Folder, "chosen.zip")));
        Assert.AreEqual(0, given.ExitCode, given.Output);
        StringAssert.Contains(given.Output, "constant learning rates");
        CollectionAssert.AreEqual(new[] { 1.0, 1, 1, 1 }, RelativeRates(Path.Combine(Folder, "given.zip")));
    }

    private static double[] RelativeRates(string model)
    {
        using var sampler = (GanSampler)new Microsoft.ML.MLContext(1).Model.Load(model, out _);
        var epochs = sampler.History.Epochs;
        return epochs.Select(e => Math.Round(e.GeneratorLearningRate / epochs[0].GeneratorLearningRate, 6)).ToArray();
    }

    [TestMethod]
    public void ATableWithACategoryKeepsCTGANsBatchAndNoPackingAndGivenOptionsWin()
    {
        var data = WriteCsv(withMode: true);
        var chosen = Ganest.Run("train", "--data", data, "--model", Path.Combine(Folder, "modes.zip"), "--epochs", "1");
        var given = Ganest.Run("train", "--data", WriteCsv(withMode: false), "--model", Path.Combine(Folder, "given.zip"), "--epochs", "1", "--batch-size", "200", "--pac", "1");

        Assert.AreEqual(0, chosen.ExitCode, chosen.Output);
        StringAssert.Contains(chosen.Output, "a table with categories");
        StringAssert.Contains(chosen.Output, "batch 500, 1 epochs (1 generator steps), PacGAN 1");
        Assert.AreEqual(0, given.ExitCode, given.Output);
        StringAssert.Contains(given.Output, "batch 200, 1 epochs (2 generator steps), PacGAN 1");
        StringAssert.Contains(given.Output, "batch size, epochs, packing as given");
    }
}
