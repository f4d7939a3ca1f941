using System.CommandLine;
using System.Globalization;
using GanEstimators.Cli.Csv;
using GanEstimators.Cli.Files;
using GanEstimators.Evaluation;
using Microsoft.ML;
using Spectre.Console;

namespace GanEstimators.Cli.Commands;

/// <summary>
/// <c>ganest evaluate</c>: compare a synthetic CSV with the real one (column shapes, pair trends, detection AUC and,
/// with --test and --label, train-on-synthetic vs train-on-real), print a table and optionally write JSON.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var real = new Option<string>("--real") { Description = "Real CSV (the generator's training data)", Required = true };
        var synthetic = new Option<string>("--synthetic") { Description = "Synthetic CSV with the real file's columns", Required = true };
        var test = new Option<string?>("--test") { Description = "Held-out real CSV for train-on-synthetic/test-on-real (with --label)" };
        var label = new Option<string?>("--label") { Description = "Class column for train-on-synthetic/test-on-real (with --test)" };
        var json = new Option<string?>("--json") { Description = "Also write the metrics to this JSON file" };
        var seed = new Option<int>("--seed") { Description = "Random seed of the detection and efficacy classifiers", DefaultValueFactory = _ => 0 };
        var separator = SeparatorOption.Create();
        separator.Description = "Field separator of --real and --test: comma, semicolon, tab, or one character (default: detected; --synthetic, as `ganest sample` writes it, is always detected)";
        var command = new Command("evaluate", "Measure how faithful a synthetic CSV is to the real one") { real, synthetic, test, label, json, seed, separator };
        command.SetAction(parsed => Run(parsed.GetValue(real)!, parsed.GetValue(synthetic)!, parsed.GetValue(test), parsed.GetValue(label), parsed.GetValue(json), parsed.GetValue(seed), SeparatorOption.Parse(parsed.GetValue(separator))));
        return command;
    }

    private static int Run(string realPath, string syntheticPath, string? testPath, string? label, string? jsonPath, int seed, char? separatorGiven)
    {
        if ((testPath is null) != (label is null)) throw new ArgumentException("--test and --label go together: efficacy trains on --label and tests on the --test rows.");
        var ml = new MLContext(seed);
        var (realData, syntheticData, testData) = ComparisonTables.Load(ml, realPath, syntheticPath, testPath, label, separatorGiven);
        var options = new TabularEvaluationOptions { Seed = seed, LabelColumnName = label, TestData = testData };
        using var output = jsonPath is null ? null : OutputFile.Reserve(jsonPath, "--json", ("--real", realPath), ("--synthetic", syntheticPath), ("--test", testPath));

        TabularFidelityMetrics metrics = null!;
        AnsiConsole.Status().Start("Evaluating (detection and efficacy classifiers)…", _ => metrics = ml.Gan().Evaluate(realData, syntheticData, options));
        Print(metrics);
        if (output is not null)
        {
            output.Writing(path => { File.WriteAllText(path, metrics.ToJson()); return path; });
            output.Commit();
            AnsiConsole.MarkupLine($"Metrics → [green]{Markup.Escape(output.Path)}[/]");
        }
        return 0;
    }

    private static void Print(TabularFidelityMetrics metrics)
    {
        var summary = new Table().AddColumn("Metric").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Meaning");
        summary.AddRow("Rows (real / synthetic)", $"{metrics.RealRows} / {metrics.SyntheticRows}", "");
        summary.AddRow("Column shapes", Format(metrics.ColumnShapes), $"1 = every column's distribution matches; worst: {Markup.Escape(metrics.WorstColumn)}");
        summary.AddRow("Pair trends", Format(metrics.PairTrends), "1 = correlations and joint frequencies match");
        summary.AddRow("Detection AUC", Format(metrics.DetectionAuc), "0.5 = a classifier cannot tell synthetic from real");
        if (metrics.TrainOnRealTestOnReal is { } real && metrics.TrainOnSyntheticTestOnReal is { } synthetic)
        {
            summary.AddRow("Train real, test real", $"{Format(real.Accuracy)} / {Format(real.MacroF1)}", "accuracy / macro F1");
            summary.AddRow("Train synthetic, test real", $"{Format(synthetic.Accuracy)} / {Format(synthetic.MacroF1)}", "accuracy / macro F1");
        }
        AnsiConsole.Write(summary);

        var columns = new Table().AddColumn("Column").AddColumn("Kind").AddColumn(new TableColumn("Score").RightAligned()).AddColumn("Compared by");
        foreach (var column in metrics.ColumnScores)
        {
            var score = Format(column.Score);
            columns.AddRow(
                Markup.Escape(column.Name),
                column.Kind.ToString(),
                column.Name == metrics.WorstColumn ? $"[yellow]{score}[/]" : score,
                column.Kind == TabularColumnKind.Numeric ? "1 − Kolmogorov–Smirnov" : "1 − total variation");
        }
        AnsiConsole.Write(columns);
    }

    private static string Format(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F4", CultureInfo.InvariantCulture);
}
