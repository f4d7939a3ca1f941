using System.Globalization;
using System.Text.Json;
using GanEstimators.Tests.Support;

namespace GanEstimators.Tests.Evaluation;

[TestClass]
public sealed class EvaluateCommandLineTests
{
    public TestContext TestContext { get; set; } = null!;

    private string NewFolder()
    {
        var folder = Path.Combine(TempFolders.Root, TestContext.TestName!);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return Directory.CreateDirectory(folder).FullName;
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void EvaluateWritesTheMetricsAsJsonAndNamesAMissingColumn()
    {
        var folder = NewFolder();
        string Write(string name, IEnumerable<string> lines)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllLines(path, lines);
            return path;
        }
        static IEnumerable<string> Rows(int count, int seed) => EvaluationTables.ThreeClasses(count, seed)
            .Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"{r.X:F3},{(i % 5 == 0 ? "" : r.Noise.ToString("F2", CultureInfo.InvariantCulture))},{r.Label}"));
        var real = Write("real.csv", Rows(200, 1).Prepend("x,noise,label"));
        var test = Write("test.csv", Rows(80, 2).Prepend("x,noise,label"));
        // Columns in another order: they are matched by header name.
        var synthetic = Write("synthetic.csv", Rows(150, 3).Select(l => l.Split(',')).Select(f => $"{f[2]},{f[0]},{f[1]}").Prepend("label,x,noise"));
        var json = Path.Combine(folder, "metrics.json");

        var run = Ganest.Run("evaluate", "--real", real, "--synthetic", synthetic, "--test", test, "--label", "label", "--json", json);

        Assert.AreEqual(0, run.ExitCode, run.Output);
        StringAssert.Contains(run.Output, "Detection AUC");
        using var metrics = JsonDocument.Parse(File.ReadAllText(json));
        foreach (var key in new[] { "column_shapes", "worst_column", "pair_trends", "detection_auc", "trtr_accuracy", "trtr_macro_f1", "tstr_accuracy", "tstr_macro_f1", "rows_synthetic", "column_scores" })
            Assert.IsTrue(metrics.RootElement.TryGetProperty(key, out _), $"JSON lacks '{key}': {metrics.RootElement}");
        Assert.AreEqual(150, metrics.RootElement.GetProperty("rows_synthetic").GetInt32());
        // Same distribution, so every column scores high; a misaligned column (read by position) would not.
        Assert.IsGreaterThan(0.8, metrics.RootElement.GetProperty("column_shapes").GetDouble());
        Assert.IsFalse(File.Exists(json + ".partial"));

        var lacking = Write("lacking.csv", new[] { "x,label", "1.0,low" });
        var bad = Ganest.Run("evaluate", "--real", real, "--synthetic", lacking);
        Assert.AreEqual(1, bad.ExitCode, bad.Output);
        StringAssert.Contains(bad.Output, "'noise'");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void AWholeNumberLabelIsAClassNotANumber()
    {
        var folder = NewFolder();
        string Write(string name, int count, int seed)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllLines(path, EvaluationTables.ThreeClasses(count, seed)
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.X:F3},{r.Noise:F2},{Array.IndexOf(new[] { "low", "mid", "high" }, r.Label)}"))
                .Prepend("x,noise,level"));
            return path;
        }
        var json = Path.Combine(folder, "metrics.json");

        var run = Ganest.Run("evaluate", "--real", Write("real.csv", 200, 1), "--synthetic", Write("synthetic.csv", 150, 3), "--test", Write("test.csv", 80, 2), "--label", "level", "--json", json);

        Assert.AreEqual(0, run.ExitCode, run.Output);
        using var metrics = JsonDocument.Parse(File.ReadAllText(json));
        Assert.IsGreaterThan(0.8, metrics.RootElement.GetProperty("tstr_macro_f1").GetDouble(), "classes 0, 1, 2 told apart by x");
        StringAssert.Contains(run.Output, "│ level  │ Categorical", "the label is compared as a category");
    }
}
