using GanEstimators.Tests.Support;

namespace GanEstimators.Tests.Constraints;

/// <summary><c>ganest train --constraint</c> and <c>ganest sample --unseen-combinations</c>.</summary>
[TestClass]
public sealed class ConstraintCommandLineTests
{
    private static string Folder => Directory.CreateDirectory(Path.Combine(TempFolders.Root, nameof(ConstraintCommandLineTests))).FullName;

    [TestMethod]
    [DataRow("temp_min < temp_max", "Strict inequalities")]
    [DataRow("0 <= wind", "one side only")]
    [DataRow("fixed weather", "It has no")]
    public void AnUnreadableConstraintIsAnErrorQuotingItAndTheForms(string text, string why)
    {
        var model = Path.Combine(Folder, "never.zip");
        var (code, _, error) = Ganest.Run("train", "--data", ConstraintData.WeatherPath, "--model", model, "--epochs", "1", "--constraint", text);
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, $"--constraint: Cannot read the constraint '{text}'");
        StringAssert.Contains(error, why);
        StringAssert.Contains(error, "\"fixed: COLUMN, COLUMN[, ...]\"");
        Assert.IsFalse(File.Exists(model));
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void TrainWithConstraintsAndSampleAnUnseenCombinationWarnsOrRefuses()
    {
        var model = Path.Combine(Folder, "penguins.zip");
        var trained = Ganest.Run("train", "--data", ConstraintData.PenguinsPath, "--model", model, "--epochs", "2", "--threads", "1",
            "--constraint", "fixed: island, species", "--constraint", "30 <= bill_length_mm <= 60");
        Assert.AreEqual(0, trained.ExitCode, trained.Output);

        var output = Path.Combine(Folder, "rows.csv");
        var refusedByConstraint = Ganest.Run("sample", "--model", model, "--count", "10", "--out", output, "--condition", "island=Dream", "--condition", "species=Gentoo", "--unseen-combinations", "allow");
        Assert.AreEqual(1, refusedByConstraint.ExitCode);
        StringAssert.Contains(refusedByConstraint.Error, "break constraint 'fixed: island, species'");

        var warned = Ganest.Run("sample", "--model", model, "--count", "10", "--out", output, "--condition", "island=Torgersen", "--condition", "sex=FEMALE", "--condition", "species=Gentoo");
        Assert.AreEqual(1, warned.ExitCode, "Gentoo on Torgersen breaks the fixed combination too");

        var rows = Ganest.Run("sample", "--model", model, "--count", "2000", "--out", output, "--seed", "2");
        Assert.AreEqual(0, rows.ExitCode, rows.Output);
        var lengths = File.ReadLines(output).Skip(1).Select(l => l.Split(',')).ToArray();
        var header = File.ReadLines(output).First().Split(',');
        var bill = Array.IndexOf(header, "bill_length_mm");
        Assert.IsTrue(lengths.All(r => r[bill].Length == 0 || double.Parse(r[bill], System.Globalization.CultureInfo.InvariantCulture) is >= 30 and <= 60), "30 <= bill_length_mm <= 60");

        var bad = Ganest.Run("sample", "--model", model, "--count", "10", "--out", output, "--unseen-combinations", "never");
        Assert.AreEqual(1, bad.ExitCode);
        StringAssert.Contains(bad.Error, "--unseen-combinations must be warn, refuse or allow; got 'never'");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void AnUnseenCombinationIsPrintedAsAWarningOrRefused()
    {
        var model = Path.Combine(Folder, "free.zip");
        Assert.AreEqual(0, Ganest.Run("train", "--data", ConstraintData.PenguinsPath, "--model", model, "--epochs", "1", "--threads", "1").ExitCode);
        var output = Path.Combine(Folder, "free.csv");
        var warned = Ganest.Run("sample", "--model", model, "--count", "10", "--out", output, "--condition", "island=Dream", "--condition", "species=Gentoo");
        Assert.AreEqual(0, warned.ExitCode, warned.Output);
        StringAssert.Contains(warned.Error, "ganest: warning: The combination species=Gentoo, island=Dream never occurs in the training rows");
        var refused = Ganest.Run("sample", "--model", model, "--count", "10", "--out", output, "--condition", "island=Dream", "--condition", "species=Gentoo", "--unseen-combinations", "refuse");
        Assert.AreEqual(1, refused.ExitCode);
        StringAssert.Contains(refused.Error, "never occurs in the training rows, and UnseenCombinations is Refuse");
    }
}
