using System.CommandLine;
using GanEstimators.Augmentation;
using GanEstimators.Cli.Csv;
using GanEstimators.Cli.Files;
using Microsoft.ML;

namespace GanEstimators.Cli.Commands;

/// <summary>
/// <c>ganest augment</c>: the rows of a CSV file followed by synthetic rows from a model written by <c>ganest train</c>,
/// either N of them or enough to even out the classes of a categorical column; with <c>--evaluate</c>, whether such
/// rows help a classifier of that column at all (<see cref="AugmentEvaluation"/>).
/// </summary>
public static class AugmentCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "CSV with the model's training columns (usually the training file)", Required = true };
        var model = new Option<string?>("--model") { Description = "Model written by `ganest train` (required unless --evaluate)" };
        var output = new Option<string?>("--out") { Description = "CSV file to write: the real rows, then the synthetic rows (required unless --evaluate); with --evaluate, the evaluation table as CSV" };
        var balance = new Option<string?>("--balance") { Description = "Add rows of each class of this column (the condition column or a categorical feature) until all classes are as large as the largest" };
        var ratio = new Option<double>("--balance-ratio") { Description = "With --balance: bring each class up to this share of the largest, in (0, 1]", DefaultValueFactory = _ => 1 };
        var count = new Option<int?>("--count") { Description = "Add this many rows" };
        var seed = new Option<int?>("--seed") { Description = "Random seed (same seed, same rows)" };
        var threads = ThreadsOption.Create();
        var separator = SeparatorOption.Create();
        var evaluate = AugmentEvaluation.Options.Create();
        var command = new Command("augment", "Append synthetic rows to a CSV file, a fixed number or to balance a class column; or, with --evaluate, cross-validate whether they help a classifier") { data, model, output, balance, ratio, count, seed, threads, separator };
        evaluate.AddTo(command);
        command.SetAction(parsed => parsed.GetValue(evaluate.Evaluate)
            ? AugmentEvaluation.Run(parsed.GetValue(data)!, parsed.GetValue(output), parsed.GetValue(balance), parsed.GetValue(model), parsed.GetValue(count), parsed.GetValue(seed), parsed.GetValue(threads), SeparatorOption.Parse(parsed.GetValue(separator)), evaluate.Read(parsed))
            : Run(parsed.GetValue(data)!, Required(parsed.GetValue(model), "--model"), Required(parsed.GetValue(output), "--out"), parsed.GetValue(balance), parsed.GetValue(ratio), parsed.GetValue(count), parsed.GetValue(seed), parsed.GetValue(threads), SeparatorOption.Parse(parsed.GetValue(separator))));
        return command;
    }

    private static string Required(string? value, string flag) =>
        value ?? throw new ArgumentException($"Option '{flag}' is required (unless --evaluate is given).");

    private static int Run(string dataPath, string modelPath, string outputPath, string? balance, double ratio, int? count, int? seed, int? threads, char? separator)
    {
        var options = new GanAugmentationOptions
        {
            SyntheticRowCount = count,
            BalanceColumnName = balance,
            BalanceRatio = ratio,
            Seed = seed,
        };
        LibraryChecks.Run(() => AugmentationOptionsValidator.Validate(options),
            new[] { (nameof(options.SyntheticRowCount), "--count"), (nameof(options.BalanceRatio), "--balance-ratio") },
            (OptionRuleError.CountOrBalance, "Give exactly one of --balance COLUMN or --count N."),
            (OptionRuleError.RatioWithoutBalance, "--balance-ratio applies to --balance COLUMN, not to --count."));
        ThreadsOption.Check(threads);
        var ml = new MLContext(seed);
        var (sampler, modelColumns) = ModelFile.Load(ml, modelPath);
        using var loaded = sampler;
        var parquet = DataFile.IsParquet(dataPath) ? ParquetTable.Load(dataPath, "--data") : null;
        var file = parquet is null ? CsvSchemaInference.Infer(dataPath, "--data", new HashSet<string>(), separator) : ParquetTable.Describe(parquet);
        var (columns, dropped) = MatchHeader(modelColumns, modelPath, file.Columns, dataPath);
        sampler.NumberOfThreads = threads;
        using var output = SampleOutput.Reserve(outputPath, "--out", ("--model", modelPath), ("--data", dataPath));
        var real = parquet is null ? CsvLoading.Loader(ml, columns, file.Separator).Load(dataPath) : ParquetTable.Select(parquet, columns);
        var augmented = ml.Gan().Augment(real, sampler, options);
        var total = SampleOutput.Write(augmented, columns, output, outputPath, SampleOutput.DefaultPartRows, modelPath);

        var realRows = CountRows(real);
        Console.WriteLine($"Wrote {realRows} real + {total - realRows} synthetic rows to {outputPath}");
        if (dropped.Count > 0) Console.WriteLine($"Left out the columns the model does not generate: {string.Join(", ", dropped)}");
        return 0;
    }

    /// <summary>The model's columns at their positions in this file's header (it may order them differently), and the header's other columns.</summary>
    private static (CsvColumn[] Columns, IReadOnlyList<string> Dropped) MatchHeader(IReadOnlyList<CsvColumn> modelColumns, string modelPath, IReadOnlyList<CsvColumn> fileColumns, string dataPath)
    {
        var header = fileColumns.Select(c => c.Name).ToArray();
        var columns = modelColumns.Select(c =>
        {
            var index = Array.IndexOf(header, c.Name);
            return index >= 0 ? c with { Index = index }
                : throw new ArgumentException($"Column '{c.Name}' of the training data of --model '{modelPath}' is not in the header of --data '{dataPath}'.");
        }).ToArray();
        return (columns, header.Where(h => modelColumns.All(c => c.Name != h)).ToArray());
    }

    private static long CountRows(IDataView data)
    {
        long rows = 0;
        using var cursor = data.GetRowCursor(Array.Empty<DataViewSchema.Column>());
        while (cursor.MoveNext()) rows++;
        return rows;
    }
}
