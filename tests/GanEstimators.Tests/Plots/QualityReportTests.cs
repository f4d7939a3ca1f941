using System.Buffers.Binary;
using GanEstimators.Evaluation;
using GanEstimators.Plots;
using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Plots;

[TestClass]
public sealed class QualityReportTests
{
    public TestContext TestContext { get; set; } = null!;

    private string Folder()
    {
        var folder = Path.Combine(TempFolders.Root, TestContext.TestName!);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return folder;
    }

    private static readonly GanEpochMetrics[] Epochs = Enumerable.Range(1, 20).Select(e => new GanEpochMetrics
    {
        Epoch = e, DiscriminatorLoss = 1.0 / e, GeneratorLoss = 0.5 + 0.01 * e, MeanRealScore = 0.6, MeanFakeScore = 0.4, WassersteinEstimate = double.NaN,
    }).ToArray();

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void ReportWritesAColumnPlotPerColumnThePairTrendsTheLossCurvesAndAnHtmlThatShowsThemAll()
    {
        var ml = new MLContext(1);
        var folder = Folder();

        var report = ml.Gan().Report(ReportTables.Rows(ml, 300, 1), ReportTables.Rows(ml, 250, 2, shift: 0.5), folder,
            new QualityReportOptions { LabelColumnName = "kind", TestData = ReportTables.Rows(ml, 100, 3), TrainingEpochs = Epochs, Seed = 1 });

        var expected = new[] { "column-size.png", "column-day.png", "column-colour.png", "column-kind.png", "column-weight.png", "pair-trends.png", "loss-curves.png", "report.html" };
        CollectionAssert.AreEquivalent(expected, Directory.GetFiles(folder).Select(Path.GetFileName).ToArray(), "exactly the report's files, no temporary ones");
        CollectionAssert.AreEqual(expected.Select(f => Path.Combine(Path.GetFullPath(folder), f)).ToArray(), report.Files.ToArray());
        foreach (var png in expected.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
            AssertIsPng(Path.Combine(folder, png));

        var html = File.ReadAllText(report.HtmlPath);
        foreach (var png in expected.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
            StringAssert.Contains(html, $"<img src=\"{png}\"", $"the report shows {png}");
        StringAssert.Contains(html, "Detection AUC");
        StringAssert.Contains(html, "Train synthetic, test real", "a label with held-out rows adds train-on-synthetic/test-on-real");
        Assert.IsNotNull(report.Metrics.TrainOnSyntheticTestOnReal);
        Assert.AreEqual(5, report.Metrics.ColumnScores.Count);
    }

    [TestMethod]
    public void PerClassPlotsAreLargerThanTheOverallOnesAndMetricsGivenAreShownAsTheyAre()
    {
        var ml = new MLContext(1);
        var real = ReportTables.Rows(ml, 200, 1);
        var synthetic = ReportTables.Rows(ml, 200, 2);
        var folder = Folder();
        var metrics = ml.Gan().Evaluate(real, synthetic, new TabularEvaluationOptions { ColumnNames = new[] { "size", "colour" } });
        var plain = ml.Gan().Report(real, synthetic, Path.Combine(folder, "plain"), new QualityReportOptions { ColumnNames = new[] { "size", "colour" }, Metrics = metrics });
        var perClass = ml.Gan().Report(real, synthetic, Path.Combine(folder, "per-class"), new QualityReportOptions { ColumnNames = new[] { "size", "colour" }, LabelColumnName = "kind", Metrics = metrics });

        Assert.AreSame(metrics, plain.Metrics);
        Assert.IsNull(plain.LossCurvesPlotPath, "no epochs, no loss curves");
        Assert.IsNull(plain.PairTrendsPlotPath, "one numeric and one categorical column make no scored pair");
        var (plainWidth, plainHeight) = AssertIsPng(plain.ColumnPlotPaths["size"]);
        var (classWidth, classHeight) = AssertIsPng(perClass.ColumnPlotPaths["size"]);
        Assert.IsGreaterThan(plainWidth * plainHeight, classWidth * classHeight, "the per-class plot has a panel for all rows and one per class");
        StringAssert.Contains(File.ReadAllText(perClass.HtmlPath), "needs held-out real rows");
    }

    [TestMethod]
    public void ColumnNamesBecomeSafeDistinctFileNames()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 50).Select(i => new Awkward { Slash = i, Spaced = i % 3, Underscored = i % 5 }).ToArray());
        var folder = Folder();
        var metrics = ml.Gan().Evaluate(data, data);

        var report = ml.Gan().Report(data, data, folder, new QualityReportOptions { Metrics = metrics });

        CollectionAssert.AreEqual(new[] { "column-temp_max___C_.png", "column-a_b.png", "column-a_b-2.png" },
            report.ColumnPlotPaths.Values.Select(Path.GetFileName).ToArray());
        Assert.AreEqual(Path.Combine(Path.GetFullPath(folder), "column-temp_max___C_.png"), report.ColumnPlotPaths["temp/max (°C)"]);
        foreach (var path in report.ColumnPlotPaths.Values) AssertIsPng(path);
    }

    private sealed class Awkward
    {
        [ColumnName("temp/max (°C)")] public float Slash { get; set; }
        [ColumnName("a b")] public float Spaced { get; set; }
        [ColumnName("a_b")] public float Underscored { get; set; }
    }

    [TestMethod]
    public void AMissingColumnOrLabelIsNamedAndNothingIsWritten()
    {
        var ml = new MLContext(1);
        var real = ReportTables.Rows(ml, 60, 1);
        var folder = Folder();
        var withoutKind = ml.Transforms.DropColumns("kind").Fit(real).Transform(real);

        var column = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Report(real, real, folder, new QualityReportOptions { ColumnNames = new[] { "size", "height" } }));
        StringAssert.Contains(column.Message, "'height'");
        var label = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Report(real, withoutKind, folder, new QualityReportOptions { ColumnNames = new[] { "size" }, LabelColumnName = "kind" }));
        StringAssert.Contains(label.Message, "'kind'");
        StringAssert.Contains(label.Message, "synthetic");
        Assert.IsEmpty(Directory.GetFileSystemEntries(folder), "a refused report writes nothing");
    }

    [TestMethod]
    public void AnUnwritableDirectoryIsRefusedBeforeAnyWork()
    {
        var ml = new MLContext(1);
        var real = ReportTables.Rows(ml, 60, 1);
        var folder = Folder();
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "a-file");
        File.WriteAllText(file, "");

        var isFile = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Report(real, real, file));
        StringAssert.Contains(isFile.Message, "is a file");
        var under = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Report(real, real, Path.Combine(file, "report")));
        StringAssert.Contains(under.Message, "Cannot write to the output directory");
        Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Report(real, real, " "));
    }

    [TestMethod]
    public void AFailedReportLeavesTheEarlierOneWhole()
    {
        var ml = new MLContext(1);
        var real = ReportTables.Rows(ml, 80, 1);
        var folder = Folder();
        var options = new QualityReportOptions { ColumnNames = new[] { "size", "weight" } };
        options.Metrics = ml.Gan().Evaluate(real, real, new TabularEvaluationOptions { ColumnNames = options.ColumnNames });
        var first = ml.Gan().Report(real, real, folder, options);
        var before = first.Files.ToDictionary(f => f, File.ReadAllBytes);

        var bad = ml.Transforms.DropColumns("weight").Fit(real).Transform(real);
        Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Report(real, bad, folder, options));

        CollectionAssert.AreEquivalent(before.Keys.ToArray(), Directory.GetFiles(folder).ToArray(), "no file added, none removed, no temporary file left");
        foreach (var (path, bytes) in before) CollectionAssert.AreEqual(bytes, File.ReadAllBytes(path), $"{path} unchanged");
    }

    [TestMethod]
    public void AReportThatCannotBeWrittenWholeChangesNothing()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("relies on Linux's 4,095-byte path limit");
            return;
        }
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 50).Select(i => new ShortAndLong { Short = i, Long = i % 7 }).ToArray());
        var options = new QualityReportOptions { ColumnNames = new[] { "a", ShortAndLong.LongName } };
        options.Metrics = ml.Gan().Evaluate(data, data, new TabularEvaluationOptions { ColumnNames = options.ColumnNames });
        // A directory so deep that column-a.png can be written in it but the long column's plot cannot (the path is too
        // long): the write fails after the first file, as a disk filling up half-way would.
        var folder = Path.GetFullPath(Folder());
        while (folder.Length < 4_020) folder = Path.Combine(folder, new string('d', Math.Min(200, 4_020 - folder.Length - 1)));
        Directory.CreateDirectory(folder);
        var earlier = Path.Combine(folder, "report.html");
        File.WriteAllText(earlier, "the earlier report");

        Assert.ThrowsExactly<PathTooLongException>(() => ml.Gan().Report(data, data, folder, options));

        CollectionAssert.AreEqual(new[] { earlier }, Directory.GetFiles(folder), "no new plot beside the earlier report, no temporary file");
        Assert.AreEqual("the earlier report", File.ReadAllText(earlier));
    }

    private sealed class ShortAndLong
    {
        public const string LongName = "a_column_name_of_eighty_characters_that_makes_its_plot_file_name_too_long_here__";
        [ColumnName("a")] public float Short { get; set; }
        [ColumnName(LongName)] public float Long { get; set; }
    }

    [TestMethod]
    public void TheHistoryCsvReadsBackWhatToCsvWrites()
    {
        var folder = Folder();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "history.csv");
        File.WriteAllLines(path, new[]
        {
            "epoch,discriminator_loss,generator_loss,mean_real_score,mean_fake_score,discriminator_accuracy,wasserstein_estimate,generator_gradient_norm,collapse_ratio,held_out_energy_distance,seconds",
            "1,1.25,0.5,0.6,0.4,0.7,NaN,0.1,NaN,NaN,0.2",
            "2,1.5,0.75,0.55,0.45,0.6,NaN,0.1,NaN,NaN,0.2",
        });

        var epochs = TrainingHistoryCsv.Read(path);

        Assert.HasCount(2, epochs);
        Assert.AreEqual(2, epochs[1].Epoch);
        Assert.AreEqual(0.75, epochs[1].GeneratorLoss);
        Assert.IsTrue(double.IsNaN(epochs[0].WassersteinEstimate));
        File.WriteAllLines(path, new[] { "epoch,loss", "1,2" });
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => TrainingHistoryCsv.Read(path)).Message, "'discriminator_loss'");
    }

    [TestMethod]
    public void ScottPlotStaysInThePlotsPackage()
    {
        foreach (var assembly in new[] { typeof(GanTrainer).Assembly, typeof(TabularFidelityMetrics).Assembly })
        {
            var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
            Assert.IsFalse(referenced.Any(n => n.StartsWith("ScottPlot", StringComparison.Ordinal) || n.StartsWith("SkiaSharp", StringComparison.Ordinal)),
                $"{assembly.GetName().Name} references {string.Join(", ", referenced)}");
        }
        CollectionAssert.Contains(typeof(QualityReport).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToArray(), "ScottPlot");
    }

    /// <summary>The PNG signature, an IHDR chunk with positive dimensions, and SkiaSharp decodes it to the same size.</summary>
    private static (int Width, int Height) AssertIsPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.IsGreaterThan(1000, bytes.Length, $"{path} is not empty");
        CollectionAssert.AreEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8], $"{path} starts with the PNG signature");
        Assert.AreEqual("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        Assert.IsGreaterThan(100, width);
        Assert.IsGreaterThan(100, height);
        using var decoded = SkiaSharp.SKBitmap.Decode(bytes);
        Assert.IsNotNull(decoded, $"{path} decodes");
        Assert.AreEqual((width, height), (decoded.Width, decoded.Height));
        return (width, height);
    }
}
