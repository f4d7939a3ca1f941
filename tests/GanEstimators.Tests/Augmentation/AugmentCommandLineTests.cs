using System.Globalization;
using GanEstimators.Tests.Support;

namespace GanEstimators.Tests.Augmentation;

[TestClass]
public sealed class AugmentCommandLineTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void TrainThenAugmentBalanceWritesTheRealRowsThenEnoughSyntheticRowsToEvenTheClasses()
    {
        var folder = Path.Combine(TempFolders.Root, TestContext.TestName!);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        var data = Path.Combine(folder, "train.csv");
        var real = ImbalancedRing.Points();
        File.WriteAllLines(data, new[] { "id,mode,x,y" }.Concat(real.Select((p, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{i},{p.Mode},{p.X:F3},{p.Y:F2}"))));
        var model = Path.Combine(folder, "model.zip");
        var augmented = Path.Combine(folder, "augmented.csv");

        var train = Ganest.Run("train", "--data", data, "--model", model, "--condition-column", "mode", "--ignore", "id", "--epochs", "2");
        Assert.AreEqual(0, train.ExitCode, train.Output);
        var augment = Ganest.Run("augment", "--data", data, "--model", model, "--out", augmented, "--balance", "mode", "--seed", "3");
        Assert.AreEqual(0, augment.ExitCode, augment.Output);
        StringAssert.Contains(augment.Output, "id");

        var lines = File.ReadAllLines(augmented);
        Assert.AreEqual("mode,x,y", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        for (var i = 0; i < real.Length; i++)
        {
            Assert.AreEqual(real[i].Mode, rows[i][0]);
            Assert.AreEqual(Math.Round(real[i].X, 3), double.Parse(rows[i][1], CultureInfo.InvariantCulture), 1e-6, $"row {i} x");
        }
        foreach (var group in rows.GroupBy(r => r[0]))
            Assert.AreEqual(150, group.Count(), $"class {group.Key}");

        var again = Path.Combine(folder, "again.csv");
        Assert.AreEqual(0, Ganest.Run("augment", "--data", data, "--model", model, "--out", again, "--balance", "mode", "--seed", "3").ExitCode);
        CollectionAssert.AreEqual(lines, File.ReadAllLines(again), "the same seed gives the same file");

        var half = Path.Combine(folder, "half.csv");
        Assert.AreEqual(0, Ganest.Run("augment", "--data", data, "--model", model, "--out", half, "--balance", "mode", "--balance-ratio", "0.5", "--seed", "3").ExitCode);
        var halfCounts = File.ReadAllLines(half).Skip(1).GroupBy(l => l.Split(',')[0]).ToDictionary(g => g.Key, g => g.Count());
        CollectionAssert.AreEquivalent(new[] { 150, 90, 75 }, halfCounts.Values.ToArray(), "classes of 150, 90 and 40 rows, at least half the largest");
        var ratioWithCount = Ganest.Run("augment", "--data", data, "--model", model, "--out", again, "--count", "5", "--balance-ratio", "0.5");
        Assert.AreEqual(1, ratioWithCount.ExitCode);
        StringAssert.Contains(ratioWithCount.Output, "--balance-ratio");

        var wrongColumn = Ganest.Run("augment", "--data", data, "--model", model, "--out", again, "--balance", "x");
        Assert.AreEqual(1, wrongColumn.ExitCode);
        StringAssert.Contains(wrongColumn.Output, "'mode'");
        var neither = Ganest.Run("augment", "--data", data, "--model", model, "--out", again);
        Assert.AreEqual(1, neither.ExitCode);
        StringAssert.Contains(neither.Output, "--balance");
    }
}
