using System.Diagnostics;
using System.Globalization;
using GanEstimators.Evaluation.Augmentation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Benchmarks;

/// <summary>
/// Issue 22 part 4: <c>EvaluateAugmentation</c> on one table of data/splits (a stratified share of its training rows),
/// once with the linear classifier and once with boosted trees (<see cref="DownstreamClassifiers"/>), printing each
/// table. seattle-weather uses its four measurements (not the date), as the augmentation benchmark of issue 3;
/// penguins every column. The GAN: WGAN-GP with ganest train's tabular settings (batch 500, no packing), frequency
/// matching 1, as samples/AugmentationBenchmark; the subsets are smaller than a batch, so an epoch is one step.
/// </summary>
internal static class AugmentationCrossValidation
{
    private sealed record Table(string File, string Label, TextLoader.Column[] Columns);

    private static readonly Dictionary<string, Table> Tables = new()
    {
        ["seattle-weather"] = new("seattle-weather.train.csv", "weather", new[]
        {
            new TextLoader.Column("precipitation", DataKind.Single, 1), new TextLoader.Column("temp_max", DataKind.Single, 2),
            new TextLoader.Column("temp_min", DataKind.Single, 3), new TextLoader.Column("wind", DataKind.Single, 4),
            new TextLoader.Column("weather", DataKind.String, 5),
        }),
        ["penguins"] = new("penguins.train.csv", "species", new[]
        {
            new TextLoader.Column("species", DataKind.String, 0), new TextLoader.Column("island", DataKind.String, 1),
            new TextLoader.Column("bill_length_mm", DataKind.Single, 2), new TextLoader.Column("bill_depth_mm", DataKind.Single, 3),
            new TextLoader.Column("flipper_length_mm", DataKind.Single, 4), new TextLoader.Column("body_mass_g", DataKind.Single, 5),
            new TextLoader.Column("sex", DataKind.String, 6),
        }),
    };

    public static void Run(string dataFolder, string tableName, double share, string[] classifiers, int epochs, int folds, double[] ratios, int seed, int threads)
    {
        var table = Tables.TryGetValue(tableName, out var found) ? found
            : throw new ArgumentException($"--table must be one of {string.Join(", ", Tables.Keys)}; got '{tableName}'.");
        var subset = Subset(Path.Combine(dataFolder, "splits", table.File), table, share, seed);
        try
        {
            foreach (var kind in classifiers)
            {
                var ml = new MLContext(seed);
                var data = ml.Data.LoadFromTextFile(subset, table.Columns, separatorChar: ',', hasHeader: true, allowQuoting: true);
                var estimator = kind switch
                {
                    "linear" => DownstreamClassifiers.Linear(ml, data.Schema, table.Label),
                    "trees" => DownstreamClassifiers.Trees(ml, data.Schema, table.Label),
                    _ => throw new ArgumentException($"--classifier must be linear, trees or both; got '{kind}'."),
                };
                var options = new AugmentationEvaluationOptions
                {
                    LabelColumnName = table.Label,
                    NumberOfFolds = folds,
                    Ratios = ratios,
                    Seed = seed,
                    GanOptions = new GanTrainer.Options { Epochs = epochs, BatchSize = 500, PacSize = 1, FrequencyMatchingWeight = 1, NumberOfThreads = threads },
                };
                var clock = Stopwatch.StartNew();
                options.GanTrained = gan => Console.WriteLine($"  fold {gan.Fold + 1}: GAN trained on {gan.TrainingRows.Count} rows at {clock.Elapsed.TotalSeconds:F0} s (load {MachineLoad.Average()})");
                Console.WriteLine($"{tableName}, {share:P0} of the training rows, {kind} classifier, GAN {epochs} epochs, {threads} libtorch thread(s), load {MachineLoad.Average()}");
                var result = ml.Gan().EvaluateAugmentation(data, estimator, options);
                Console.WriteLine(result.ToString());
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds:F0} s, load {MachineLoad.Average()}");
                Console.WriteLine();
            }
        }
        finally
        {
            File.Delete(subset);
        }
    }

    /// <summary>A stratified <paramref name="share"/> of the file's rows (each class shuffled with the seed, its share rounded, at least one row), written to a temporary CSV.</summary>
    private static string Subset(string path, Table table, double share, int seed)
    {
        var lines = File.ReadAllLines(path);
        var labelIndex = table.Columns.Single(c => c.Name == table.Label).Source[0].Min;
        var random = new Random(seed);
        var kept = lines.Skip(1).GroupBy(l => l.Split(',')[labelIndex]).OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(g =>
        {
            var rows = g.ToArray();
            random.Shuffle(rows);
            return rows.Take(Math.Max(1, (int)Math.Round(share * rows.Length, MidpointRounding.AwayFromZero)));
        }).ToArray();
        var counts = string.Join(", ", kept.GroupBy(l => l.Split(',')[labelIndex]).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}"));
        Console.WriteLine($"Subset: {kept.Length} of {lines.Length - 1} rows of {Path.GetFileName(path)} ({counts})");
        var file = Path.Combine(Path.GetTempPath(), $"augmentation-cv-{Environment.ProcessId}.csv");
        File.WriteAllLines(file, kept.Prepend(lines[0]));
        return file;
    }

    public static double[] Ratios(string text) =>
        text.Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray();
}
