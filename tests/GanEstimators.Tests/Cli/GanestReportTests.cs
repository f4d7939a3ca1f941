using System.Globalization;
using GanEstimators.Tests.Support;

namespace GanEstimators.Tests.Cli;

[TestClass]
public sealed class GanestReportTests : GanestTestFolder
{
    private string WriteCsv(string name, int rows, int seed)
    {
        var random = new Random(seed);
        var path = Path.Combine(Folder, name);
        File.WriteAllLines(path, new[] { "day,size,colour,kind" }.Concat(Enumerable.Range(0, rows).Select(_ =>
        {
            var kind = random.NextDouble() < 0.6 ? "small" : "large";
            var size = (kind == "small" ? 2 : 6) + random.NextDouble() * 2;
            return string.Create(CultureInfo.InvariantCulture,
                $"{new DateTime(2020, 1, 1).AddDays(random.Next(700)):yyyy-MM-dd},{size:F2},{(random.Next(3) == 0 ? "red" : "blue")},{kind}");
        })));
        return path;
    }

    private string WriteHistory()
    {
        var path = Path.Combine(Folder, "history.csv");
        File.WriteAllLines(path, new[] { "epoch,discriminator_loss,generator_loss,mean_real_score,mean_fake_score,discriminator_accuracy,wasserstein_estimate,generator_gradient_norm,collapse_ratio,held_out_energy_distance,seconds" }
            .Concat(Enumerable.Range(1, 10).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e},{1.0 / e},0.5,0.6,0.4,0.7,NaN,0.1,NaN,NaN,0.2"))));
        return path;
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void ReportWritesThePlotsAndTheHtmlFromCsvFiles()
    {
        var real = WriteCsv("real.csv", 200, 1);
        var synthetic = WriteCsv("synthetic.csv", 150, 2);
        var test = WriteCsv("test.csv", 80, 3);
        var output = Path.Combine(Folder, "report");

        var run = Ganest.Run("report", "--real", real, "--synthetic", synthetic, "--out", output, "--label", "kind", "--test", test, "--history", WriteHistory());

        Assert.AreEqual(0, run.ExitCode, run.Output);
        StringAssert.Contains(run.Output, "report.html");
        StringAssert.Contains(run.Output, "Train synthetic, test real");
        var expected = new[] { "column-day.png", "column-size.png", "column-colour.png", "column-kind.png", "pair-trends.png", "loss-curves.png", "report.html" };
        CollectionAssert.AreEquivalent(expected, Directory.GetFiles(output).Select(Path.GetFileName).ToArray());
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        foreach (var png in expected.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
        {
            StringAssert.Contains(html, $"<img src=\"{png}\"");
            Assert.IsGreaterThan(1000L, new FileInfo(Path.Combine(output, png)).Length);
        }
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void ReportErrorsAreOneLineNamingTheOptionAndWriteNothing()
    {
        var real = WriteCsv("real.csv", 40, 1);
        var output = Path.Combine(Folder, "report");

        void Fails(string expected, params string[] arguments)
        {
            var run = Ganest.Run(new[] { "report", "--real", real, "--synthetic", real }.Concat(arguments).ToArray());
            Assert.AreEqual(1, run.ExitCode, run.Output);
            StringAssert.StartsWith(run.Error, "ganest: error: ");
            StringAssert.Contains(run.Error, expected);
            Assert.AreEqual(1, run.Error.Trim().Split('\n').Length, run.Error);
        }

        Fails("'height'", "--out", output, "--label", "height");
        Fails("--test needs --label", "--out", output, "--test", real);
        Fails("--history", "--out", output, "--history", Path.Combine(Folder, "absent.csv"));
        Fails("--out", "--out", real);
        Assert.IsFalse(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), "a refused report writes nothing");
    }
}
