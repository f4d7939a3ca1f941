using System.CommandLine;
using GanEstimators.Cli.Csv;
using GanEstimators.Plots;
using Microsoft.ML;
using Spectre.Console;

namespace GanEstimators.Cli.Commands;

/// <summary>
/// <c>ganest report</c>: real-vs-synthetic plots (one PNG per column, per class with --label; the pair-trend heatmap;
/// the loss curves with --history) and an HTML report with the metrics of <c>ganest evaluate</c>, from
/// <c>mlContext.Gan().Report</c> in GanEstimators.Plots.
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var real = new Option<string>("--real") { Description = "Real CSV or Parquet (the generator's training data)", Required = true };
        var synthetic = new Option<string>("--synthetic") { Description = "Synthetic CSV with the real file's columns", Required = true };
        var output = new Option<string>("--out") { Description = "Directory for the PNGs and report.html (created if absent; files of the same names are replaced)", Required = true };
        var label = new Option<string?>("--label") { Description = "Class column: every other column is also drawn per class; with --test, train-on-synthetic/test-on-real too" };
        var test = new Option<string?>("--test") { Description = "Held-out real CSV for train-on-synthetic/test-on-real (with --label)" };
        var history = new Option<string?>("--history") { Description = "Training history CSV (history.csv of a training run) for loss-curves.png" };
        var seed = new Option<int>("--seed") { Description = "Random seed of the detection and efficacy classifiers", DefaultValueFactory = _ => 0 };
        var separator = SeparatorOption.Create();
        separator.Description = "Field separator of --real and --test: comma, semicolon, tab, or one character (default: detected; --synthetic is always detected)";
        var command = new Command("report", "Write real-vs-synthetic plots and an HTML quality report") { real, synthetic, output, label, test, history, seed, separator };
        command.SetAction(parsed => Run(parsed.GetValue(real)!, parsed.GetValue(synthetic)!, parsed.GetValue(output)!, parsed.GetValue(label),
            parsed.GetValue(test), parsed.GetValue(history), parsed.GetValue(seed), SeparatorOption.Parse(parsed.GetValue(separator))));
        return command;
    }

    private static int Run(string realPath, string syntheticPath, string outputDirectory, string? label, string? testPath, string? historyPath, int seed, char? separatorGiven)
    {
        if (testPath is not null && label is null) throw new ArgumentException("--test needs --label: efficacy trains on the --label column and tests on the --test rows.");
        var epochs = historyPath is null ? null : ReadHistory(historyPath);
        var ml = new MLContext(seed);
        var (realData, syntheticData, testData) = ComparisonTables.Load(ml, realPath, syntheticPath, testPath, label, separatorGiven);
        var options = new QualityReportOptions { LabelColumnName = label, TestData = testData, TrainingEpochs = epochs, Seed = seed };

        QualityReport report = null!;
        try
        {
            AnsiConsole.Status().Start("Evaluating and drawing the plots…", _ => report = ml.Gan().Report(realData, syntheticData, outputDirectory, options));
        }
        catch (ArgumentException error) when (error.ParamName == "outputDirectory")
        {
            throw new ArgumentException($"--out: {error.Message.Replace(" (Parameter 'outputDirectory')", "", StringComparison.Ordinal)}", error);
        }
        // Plain lines, not Spectre's markup: paths must not be wrapped at the console width.
        Console.WriteLine(report.Metrics.ToString());
        Console.WriteLine($"{report.Files.Count} files → {report.Directory}");
        Console.WriteLine($"Report: {report.HtmlPath}");
        return 0;
    }

    private static IReadOnlyList<GanEpochMetrics> ReadHistory(string path)
    {
        if (!File.Exists(path)) throw new ArgumentException($"--history: file '{path}' does not exist.");
        return TrainingHistoryCsv.Read(path);
    }
}
