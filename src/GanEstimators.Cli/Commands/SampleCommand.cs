using System.CommandLine;
using GanEstimators.Cli.Csv;
using Microsoft.ML;

namespace GanEstimators.Cli.Commands;

/// <summary><c>ganest sample</c>: load a model written by <c>ganest train</c> and write N synthetic rows as CSV.</summary>
public static class SampleCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model written by `ganest train`", Required = true };
        var count = new Option<int>("--count") { Description = "Number of rows", Required = true };
        var output = new Option<string>("--out") { Description = "CSV file to write", Required = true };
        var condition = new Option<string[]>("--condition") { Description = "COLUMN=VALUE (repeatable): every row has that value; the condition column or any categorical column", AllowMultipleArgumentsPerToken = false };
        var seed = new Option<int?>("--seed") { Description = "Random seed (same seed, same rows)" };
        var command = new Command("sample", "Generate synthetic rows from a trained model") { model, count, output, condition, seed };
        command.SetAction(parsed => Run(parsed.GetValue(model)!, parsed.GetValue(count), parsed.GetValue(output)!, parsed.GetValue(condition), parsed.GetValue(seed)));
        return command;
    }

    private static int Run(string modelPath, int count, string outputPath, string[]? conditions, int? seed)
    {
        if (!File.Exists(modelPath)) throw new FileNotFoundException($"Model '{modelPath}' does not exist.", modelPath);
        var columns = CsvFormat.ReadFrom(modelPath);
        var ml = new MLContext();
        var sampler = ml.Model.Load(modelPath, out _) as GanSampler
            ?? throw new InvalidDataException($"'{modelPath}' does not hold a GAN sampler.");
        var request = new Dictionary<string, string>();
        foreach (var condition in conditions ?? Array.Empty<string>())
        {
            var parts = condition.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0)
                throw new ArgumentException($"--condition must be COLUMN=VALUE; got '{condition}'.");
            if (!sampler.ConditionableColumnNames.Contains(parts[0]))
                throw new ArgumentException(sampler.ConditionableColumnNames.Count == 0
                    ? $"--condition {condition}: this model has no condition column and no categorical columns to condition on."
                    : $"--condition {condition}: column '{parts[0]}' cannot be conditioned on; use one of {string.Join(", ", sampler.ConditionableColumnNames)}.");
            request[parts[0]] = parts[1];
        }
        CsvWriter.Write(sampler.Sample(count, request, seed), columns, outputPath);
        Console.WriteLine($"Wrote {count} rows to {outputPath}");
        return 0;
    }
}
