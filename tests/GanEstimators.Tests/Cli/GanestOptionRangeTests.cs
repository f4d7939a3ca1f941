using GanEstimators.Tests.Support;
using static GanEstimators.Tests.Cli.CleanFailures;

namespace GanEstimators.Tests.Cli;

/// <summary>`ganest` runs the library's own option checks and names a value out of range by the flag that set it.</summary>
[TestClass]
public sealed class GanestOptionRangeTests : GanestTestFolder
{
    [TestMethod]
    public void TrainNamesTheFlagOfAnOptionOutOfRange()
    {
        var data = Path.Combine(Folder, "train.csv");
        File.WriteAllLines(data, new[] { TinyModel.Header }.Concat(TinyModel.Rows(60)));
        var model = Path.Combine(Folder, "m.zip");
        var before = FilesIn(Folder);

        AssertFailedCleanly(Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", "--pac", "0"), Folder, before, "--pac must be positive; got 0.");
        AssertFailedCleanly(Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", "--discriminator-steps", "0"), Folder, before, "--discriminator-steps must be positive; got 0.");
        AssertFailedCleanly(Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", "--threads", "0"), Folder, before, "--threads must be between 1 and", "got 0.");
        AssertFailedCleanly(Ganest.Run("train", "--data", data, "--model", model, "--epochs", "-2"), Folder, before, "--epochs must be zero (an untrained baseline) or positive; got -2.");
    }

    [TestMethod]
    public void AugmentNamesTheFlagOfAnOptionOutOfRange()
    {
        var model = TinyModel.Model;
        var output = Path.Combine(Folder, "out.csv");
        var before = FilesIn(Folder);

        AssertFailedCleanly(Ganest.Run("augment", "--data", TinyModel.Data, "--model", model, "--out", output, "--balance", "colour", "--balance-ratio", "2"),
            Folder, before, "--balance-ratio must be in (0, 1]", "got 2.");
        AssertFailedCleanly(Ganest.Run("augment", "--data", TinyModel.Data, "--model", model, "--out", output, "--count", "-3"), Folder, before, "--count must be zero or positive; got -3.");
        AssertFailedCleanly(Ganest.Run("augment", "--data", TinyModel.Data, "--model", model, "--out", output, "--count", "3", "--threads", "0"), Folder, before, "--threads must be between 1 and", "got 0.");
    }

    [TestMethod]
    public void SampleNamesTheThreadsFlagOutOfRange()
    {
        var output = Path.Combine(Folder, "out.csv");
        var before = FilesIn(Folder);

        AssertFailedCleanly(Ganest.Run("sample", "--model", TinyModel.Model, "--out", output, "--count", "3", "--threads", "0"), Folder, before, "--threads must be between 1 and", "got 0.");
        AssertFailedCleanly(Ganest.Run("sample", "--model", TinyModel.Model, "--out", output, "--count", "3", "--threads", "100000"), Folder, before, "--threads must be between 1 and", "got 100000.");
    }

    [TestMethod]
    public void SampleTakesAModeChoiceAndRefusesAnUnknownOne()
    {
        var output = Path.Combine(Folder, "out.csv");
        var before = FilesIn(Folder);

        AssertFailedCleanly(Ganest.Run("sample", "--model", TinyModel.Model, "--out", output, "--count", "3", "--modes", "argmax"), Folder, before, "--modes must be drawn or most-likely; got 'argmax'.");
        AssertFailedCleanly(Ganest.Run("sample", "--model", TinyModel.Model, "--out", output, "--count", "3", "--modes", "drawn", "--cluster", "localhost:1"),
            Folder, before, "--modes and --calibrate-categories cannot be used with --cluster");
        foreach (var choice in new[] { "drawn", "most-likely" })
        {
            var sampled = Ganest.Run("sample", "--model", TinyModel.Model, "--out", output, "--count", "3", "--modes", choice, "--seed", "1");
            Assert.AreEqual(0, sampled.ExitCode, sampled.Output);
            Assert.AreEqual(4, File.ReadAllLines(output).Length, choice);
            Assert.IsFalse(sampled.Output.Contains("Mode choice:"), "a given choice is not decided");
        }
        var chosen = Ganest.Run("sample", "--model", TinyModel.Model, "--out", output, "--count", "3", "--seed", "1");
        Assert.AreEqual(0, chosen.ExitCode, chosen.Output);
        StringAssert.Contains(chosen.Output, "Mode choice: ", "the default is decided from the model and printed");
    }

    [TestMethod]
    public void RulesBetweenOptionsAreTheLibrarysInTheCommandsWords()
    {
        var data = Path.Combine(Folder, "train.csv");
        File.WriteAllLines(data, new[] { TinyModel.Header }.Concat(TinyModel.Rows(60)));
        var output = Path.Combine(Folder, "out.csv");
        var before = FilesIn(Folder);

        AssertFailedCleanly(Ganest.Run("augment", "--data", TinyModel.Data, "--model", TinyModel.Model, "--out", output), Folder, before, "Give exactly one of --balance COLUMN or --count N.");
        AssertFailedCleanly(Ganest.Run("augment", "--data", TinyModel.Data, "--model", TinyModel.Model, "--out", output, "--count", "5", "--balance-ratio", "0.5"),
            Folder, before, "--balance-ratio applies to --balance COLUMN, not to --count.");
        AssertFailedCleanly(Ganest.Run("train", "--data", data, "--model", Path.Combine(Folder, "m.zip"), "--epochs", "1", "--ignore", TinyModel.Header),
            Folder, before, "are left to generate after --ignore; keep at least one.");
    }
}
