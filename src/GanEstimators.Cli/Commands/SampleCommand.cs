using System.CommandLine;
using GanEstimators.Cli.Csv;
using GanEstimators.Cli.Files;
using Microsoft.ML;

namespace GanEstimators.Cli.Commands;

/// <summary><c>ganest sample</c>: load a model written by <c>ganest train</c> and write N synthetic rows as CSV or Parquet.</summary>
public static class SampleCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model written by `ganest train`", Required = true };
        var count = new Option<int>("--count") { Description = "Number of rows, 1 to 2147483647 (written as they are generated, in bounded memory)", Required = true };
        var output = new Option<string>("--out") { Description = "File to write: CSV, or Parquet when it ends in .parquet; a directory path ending in / (new or empty) gets Parquet parts", Required = true };
        var condition = new Option<string[]>("--condition") { Description = "COLUMN=VALUE (repeatable): every row has that value; the condition column or any categorical column", AllowMultipleArgumentsPerToken = false };
        var seed = new Option<int?>("--seed") { Description = "Random seed (same seed, same rows)" };
        var start = new Option<long?>("--start") { Description = "Write rows [start, start + count) of the seed's block stream (GanSampler.SampleRange), so runs of adjacent ranges concatenate to one run's rows; needs --seed" };
        var partRows = new Option<long?>("--part-rows") { Description = "Rows per Parquet part when --out is a directory (default 1,000,000; with --cluster, rows per shard, default 65,536)" };
        var cluster = new Option<string?>("--cluster") { Description = "HOST:PORT[,HOST:PORT…]: gateways of `ganest silo` processes; the silos write the sample as Parquet parts (one per shard) and manifest.json into --out, a directory every silo can write to; --model must be a path every silo can read" };
        var threads = ThreadsOption.Create();
        var unseen = new Option<string>("--unseen-combinations")
        {
            Description = "When the --condition values fix a combination never seen together in the training data: warn (default: print a warning and generate), refuse (stop with an error) or allow (generate without a word)",
            DefaultValueFactory = _ => "warn",
        };
        var modes = new Option<string?>("--modes")
        {
            Description = "How each numeric column's mixture mode is picked: drawn (from the generator's probabilities, as CTGAN) or most-likely (for the row's noise, so correlated columns keep their modes together); default: most-likely where the trained generator already picks modes from its noise (as on clustered all-numeric data), drawn otherwise (GanSampler.ModeChoice)",
        };
        var calibrate = new Option<bool>("--calibrate-categories")
        {
            Description = "Calibrate categorical draws so that each categorical column comes out at its training frequencies where it is generated freely, and kept and linked pairs at their training shares (GanSampler.CalibrateCategories; on by default: --calibrate-categories false draws from the generator's own probabilities)",
            DefaultValueFactory = _ => true,
        };
        var calibrateNumbers = new Option<bool>("--calibrate-numbers")
        {
            Description = "Map each numeric column's generated values (not dates) onto its training distribution (quantile mapping; GanSampler.CalibrateNumbers): true or false; default: decided from the model (on where numeric modes are drawn, as on every real table measured; off where the most likely modes are taken, as on clustered data; models saved before format 0x0001000B have nothing to calibrate)",
        };
        var keepSeenPairs = new Option<bool>("--keep-seen-pairs")
        {
            Description = "Generate two categorical columns whose training rows hold nearly all their combinations (as flights' origin and destination) only in combinations seen in training, and link associated pairs too sparse to keep (GanSampler.KeepSeenPairs; on by default: --keep-seen-pairs false lets the generator combine categories freely)",
            DefaultValueFactory = _ => true,
        };
        var keepDetermined = new Option<bool>("--keep-determined-values")
        {
            Description = "Give a numeric column that the training rows fix by one or two categorical columns (as flights' distance by origin and destination) that value in every row whose categories occur in training, and rebuild a column that is the sum of two others in every training row (GanSampler.KeepDeterminedValues; on by default: --keep-determined-values false keeps the generator's numbers; models saved before format 0x0001000C have none)",
            DefaultValueFactory = _ => true,
        };
        var calibrateDependence = new Option<bool>("--calibrate-dependence")
        {
            Description = "Keep the training rows' correlations among the calibrated numeric columns without point masses (as seattle-weather's daily highs and lows; GanSampler.CalibrateDependence; on by default: --calibrate-dependence false maps each column on its own; no effect with --calibrate-numbers false; models saved before format 0x0001000D have none)",
            DefaultValueFactory = _ => true,
        };
        var command = new Command("sample", "Generate synthetic rows from a trained model") { model, count, output, condition, seed, start, partRows, threads, unseen, modes, calibrate, calibrateNumbers, calibrateDependence, keepSeenPairs, keepDetermined, cluster };
        command.SetAction((parsed, cancellation) =>
        {
            var switches = new SamplerSwitches(ParseModes(parsed.GetValue(modes)), parsed.GetValue(calibrate), Given(parsed, calibrateNumbers), parsed.GetValue(calibrateDependence),
                parsed.GetValue(keepSeenPairs), parsed.GetValue(keepDetermined));
            return parsed.GetValue(cluster) is { } gateways
                ? !switches.AreDefaults
                    ? throw new ArgumentException("--modes, --calibrate-categories false, --calibrate-numbers false, --calibrate-dependence false, --keep-seen-pairs false and --keep-determined-values false cannot be used with --cluster: the silos sample with the model's defaults (calibrated categories, numbers and their dependence, seen pairs and determined values kept, the mode choice the model's generator decides).")
                    : ClusterSample.RunAsync(gateways, parsed.GetValue(model)!, parsed.GetValue(count), parsed.GetValue(output)!, Conditions(parsed.GetValue(condition)), parsed.GetValue(seed),
                        parsed.GetValue(start), parsed.GetValue(partRows), parsed.GetValue(threads), parsed.GetResult(unseen) is { Implicit: false }, cancellation)
                : Task.FromResult(Run(parsed.GetValue(model)!, parsed.GetValue(count), parsed.GetValue(output)!, parsed.GetValue(condition), parsed.GetValue(seed), parsed.GetValue(threads),
                    parsed.GetValue(start), parsed.GetValue(partRows) ?? SampleOutput.DefaultPartRows, parsed.GetValue(unseen)!, switches));
        });
        return command;
    }

    /// <summary>The sampler's switches as the command line sets them (null: the sampler's default).</summary>
    private sealed record SamplerSwitches(GanModeChoice? Modes, bool CalibrateCategories, bool? CalibrateNumbers, bool CalibrateDependence, bool KeepSeenPairs, bool KeepDeterminedValues)
    {
        public bool AreDefaults => Modes is null && CalibrateCategories && CalibrateNumbers is not false && CalibrateDependence && KeepSeenPairs && KeepDeterminedValues;

        public void ApplyTo(GanSampler sampler)
        {
            if (Modes is { } choice) sampler.ModeChoice = choice;
            sampler.CalibrateCategories = CalibrateCategories;
            if (CalibrateNumbers is { } numbers) sampler.CalibrateNumbers = numbers;
            sampler.CalibrateDependence = CalibrateDependence;
            sampler.KeepSeenPairs = KeepSeenPairs;
            sampler.KeepDeterminedValues = KeepDeterminedValues;
        }
    }

    // A switch's value when the command line gives it; null when it is left to the sampler's default.
    private static bool? Given(ParseResult parsed, Option<bool> option) => parsed.GetResult(option) is { Implicit: false } ? parsed.GetValue(option) : null;

    private static GanModeChoice? ParseModes(string? name) => name?.ToLowerInvariant() switch
    {
        null => null,
        "drawn" => GanModeChoice.Drawn,
        "most-likely" => GanModeChoice.MostLikely,
        _ => throw new ArgumentException($"--modes must be drawn or most-likely; got '{name}'."),
    };

    private static int Run(string modelPath, int count, string outputPath, string[]? conditions, int? seed, int? threads, long? start, long partRows, string unseen, SamplerSwitches switches)
    {
        if (count <= 0) throw new ArgumentException($"--count must be a positive number of rows; got {count}.");
        if (start is < 0) throw new ArgumentException($"--start must be 0 or more; got {start}.");
        if (start is not null && seed is null) throw new ArgumentException("--start needs --seed: a range is rows of one seed's stream.");
        if (partRows < 1) throw new ArgumentException($"--part-rows must be a positive number of rows; got {partRows}.");
        ThreadsOption.Check(threads);
        var unseenCombinations = Enum.TryParse<GanUnseenCombinations>(unseen, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(unseen, out _)
            ? parsed : throw new ArgumentException($"--unseen-combinations must be warn, refuse or allow; got '{unseen}'.");
        var ml = new MLContext();
        ml.Log += (_, message) =>
        {
            if (!message.Source.Contains(nameof(GanSampler), StringComparison.Ordinal)) return;
            if (message.Kind == Microsoft.ML.Runtime.ChannelMessageKind.Warning) Console.Error.WriteLine($"ganest: warning: {message.RawMessage}");
            // The sampler's default mode choice, decided from the model at the first rows (not when --modes is given), the pairs kept to their seen combinations and the linked pairs.
            else if (message.RawMessage.StartsWith("Mode choice:", StringComparison.Ordinal) || message.RawMessage.StartsWith("Seen pairs:", StringComparison.Ordinal)
                || message.RawMessage.StartsWith("Linked pairs:", StringComparison.Ordinal)
                || message.RawMessage.StartsWith("Determined values:", StringComparison.Ordinal) || message.RawMessage.StartsWith("Calibrated dependence:", StringComparison.Ordinal)) Console.WriteLine(message.RawMessage);
        };
        var (sampler, columns) = ModelFile.Load(ml, modelPath);
        using var loaded = sampler;
        sampler.NumberOfThreads = threads;
        sampler.UnseenCombinations = unseenCombinations;
        switches.ApplyTo(sampler);
        using var output = SampleOutput.Reserve(outputPath, "--out", ("--model", modelPath));
        var request = Conditions(conditions);
        foreach (var (column, value) in request)
        {
            if (!sampler.ConditionableColumnNames.Contains(column))
                throw new ArgumentException(sampler.ConditionableColumnNames.Count == 0
                    ? $"--condition {column}={value}: this model has no condition column and no categorical columns to condition on."
                    : $"--condition {column}={value}: column '{column}' cannot be conditioned on; use one of {string.Join(", ", sampler.ConditionableColumnNames)}.");
        }
        var rows = SampleOutput.Write(Generate(sampler, count, request, seed, start), columns, output, outputPath, partRows, modelPath);
        Console.WriteLine($"Wrote {rows} rows to {outputPath}");
        return 0;
    }

    /// <summary>The --condition values as column → value.</summary>
    private static Dictionary<string, string> Conditions(string[]? conditions)
    {
        var request = new Dictionary<string, string>();
        foreach (var condition in conditions ?? Array.Empty<string>())
        {
            var parts = condition.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0)
                throw new ArgumentException($"--condition must be COLUMN=VALUE; got '{condition}'.");
            request[parts[0]] = parts[1];
        }
        return request;
    }

    private static IDataView Generate(GanSampler sampler, int count, Dictionary<string, string> request, int? seed, long? start)
    {
        try
        {
            return start is { } first ? sampler.SampleRange(first, count, seed!.Value, request) : sampler.Sample(count, request, seed);
        }
        catch (Exception error) when (error is OutOfMemoryException or OverflowException)
        {
            throw new ArgumentException($"--count {count}: the rows do not fit in memory ({error.Message}); ask for fewer rows.", error);
        }
    }
}
