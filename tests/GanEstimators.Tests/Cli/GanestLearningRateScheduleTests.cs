using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Cli;

/// <summary>`--lr-schedule` and `--lr-decay-epochs` set Options.LearningRateSchedule and LearningRateDecayEpochs.</summary>
[TestClass]
public sealed class GanestLearningRateScheduleTests : GanestTestFolder
{
    [TestMethod]
    public void TheScheduleReachesTheTrainedModelsHistory()
    {
        var (data, model) = TinyData();

        var trained = Ganest.Run("train", "--data", data, "--model", model, "--epochs", "4", "--lr-schedule", "linear", "--lr-decay-epochs", "2");

        Assert.AreEqual(0, trained.ExitCode, trained.Output);
        using var sampler = (GanSampler)new MLContext(1).Model.Load(model, out _);
        var rates = sampler.History.Epochs.Select(e => e.GeneratorLearningRate / sampler.History.Epochs[0].GeneratorLearningRate).ToArray();
        CollectionAssert.AreEqual(new[] { 1, 1, 0.666667, 0.333333 }, rates.Select(r => Math.Round(r, 6)).ToArray());
    }

    [TestMethod]
    [DataRow("--lr-schedule", "step", null, "--lr-schedule 'step' is not known; use one of constant, linear, cosine")]
    [DataRow("--lr-decay-epochs", "2", null, "--lr-decay-epochs needs --lr-schedule linear or cosine")]
    [DataRow("--lr-schedule", "cosine", "0", "--lr-decay-epochs must be positive; got 0")]
    [DataRow("--lr-schedule", "linear", "9", "--lr-decay-epochs (9) is more than the 4 epochs to train; give at most 4")]
    [DataRow("--lr-schedule", "cosine", "-1", "--lr-decay-epochs must be positive; got -1")]
    public void BadScheduleArgumentsAreRefusedInTheCommandLinesTerms(string flag, string value, string? decayEpochs, string message)
    {
        var (data, model) = TinyData();
        var arguments = new List<string> { "train", "--data", data, "--model", model, "--epochs", "4", flag, value };
        if (decayEpochs is not null) arguments.AddRange(new[] { "--lr-decay-epochs", decayEpochs });

        var refused = Ganest.Run(arguments.ToArray());

        Assert.AreEqual(1, refused.ExitCode, refused.Output);
        StringAssert.Contains(refused.Output, message);
        Assert.IsFalse(File.Exists(model));
    }

    private (string Data, string Model) TinyData()
    {
        var data = Path.Combine(Folder, "tiny.csv");
        File.WriteAllLines(data, new[] { TinyModel.Header }.Concat(TinyModel.Rows(60)));
        return (data, Path.Combine(Folder, "model.zip"));
    }
}
