using System.Diagnostics;
using System.Globalization;
using GanEstimators.Evaluation.Augmentation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Benchmarks;

/// <summary>
/// Issue 22 part 4: <c>EvaluateAugmentation</c> on one table (a stratified share of its rows), with the linear
/// classifier and boosted trees (<see cref="DownstreamClassifiers"/>), each also class-weighted, printing each table.
/// Both classifiers are evaluated in one joint call, so they are scored on the same folds and the same GAN rows (one
/// GAN per fold); each is built from its own MLContext (and its class-weighted form from a third), so it scores as it
/// would alone. seattle-weather uses its four measurements (not the date), as the augmentation benchmark of issue 3;
/// penguins every column; cars its six measurements (not the name or the model year) to predict the origin;
/// breast-cancer its 30 measurements. The GAN: WGAN-GP with ganest train's tabular settings (batch 500, no packing),
/// frequency matching 1, as samples/AugmentationBenchmark; the tables are smaller than a batch, so an epoch is one step.
/// With --repeats N the k-fold cross-validation is repeated on N fold assignments (one GAN per fold of each); each table
/// is followed by both p-values of every comparison, the plain paired t-test's and the corrected resampled one's.
/// </summary>
internal static class AugmentationCrossValidation
{
    private sealed record Table(string File, string Label, TextLoader.Column[] Columns);

    private static TextLoader.Column Number(string name, int index) => new(name, DataKind.Single, index);

    private static readonly Dictionary<string, Table> Tables = new()
    {
        ["seattle-weather"] = new(Path.Combine("splits", "seattle-weather.train.csv"), "weather", new[]
        {
            Number("precipitation", 1), Number("temp_max", 2), Number("temp_min", 3), Number("wind", 4),
            new TextLoader.Column("weather", DataKind.String, 5),
        }),
        ["penguins"] = new(Path.Combine("splits", "penguins.train.csv"), "species", new[]
        {
            new TextLoader.Column("species", DataKind.String, 0), new TextLoader.Column("island", DataKind.String, 1),
            Number("bill_length_mm", 2), Number("bill_depth_mm", 3), Number("flipper_length_mm", 4), Number("body_mass_g", 5),
            new TextLoader.Column("sex", DataKind.String, 6),
        }),
        ["cars"] = new("cars.csv", "Origin", new[]
        {
            Number("Miles_per_Gallon", 1), Number("Cylinders", 2), Number("Displacement", 3), Number("Horsepower", 4),
            Number("Weight_in_lbs", 5), Number("Acceleration", 6), new TextLoader.Column("Origin", DataKind.String, 8),
        }),
        ["breast-cancer"] = new("breast-cancer.csv", "label", BreastCancerColumns()),
    };

    private static TextLoader.Column[] BreastCancerColumns()
    {
        var header = new[] { "mean", "error", "worst" }.SelectMany(kind => new[]
        {
            "radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity", "concave_points", "symmetry", "fractal_dimension",
        }.Select(feature => kind == "mean" ? $"mean_{feature}" : $"{feature}_{kind}")).ToArray();
        return header.Select((name, i) => Number(name, i)).Append(new TextLoader.Column("label", DataKind.String, 30)).ToArray();
    }

    public static void Run(string dataFolder, string tableName, double share, string[] classifiers, int epochs, int folds, double[] ratios, int seed, int threads, int repeats = 1)
    {
        var table = Tables.TryGetValue(tableName, out var found) ? found
            : throw new ArgumentException($"--table must be one of {string.Join(", ", Tables.Keys)}; got '{tableName}'.");
        foreach (var kind in classifiers)
            if (kind is not ("linear" or "trees")) throw new ArgumentException($"--classifier must be linear, trees or both; got '{kind}'.");
        var subset = Subset(Path.Combine(dataFolder, table.File), table, share, seed);
        try
        {
            var ml = new MLContext(seed);
            var data = ml.Data.LoadFromTextFile(subset, table.Columns, separatorChar: ',', hasHeader: true, allowQuoting: true);
            var downstreams = classifiers.Select((kind, i) =>
            {
                // Its own contexts: the unweighted pipeline draws the same numbers as in an evaluation of it alone.
                var own = new MLContext(seed);
                var weightedContext = new MLContext(seed + 1000 * (i + 1));
                return kind == "linear"
                    ? new AugmentationDownstream(kind, DownstreamClassifiers.Linear(own, data.Schema, table.Label), w => DownstreamClassifiers.Linear(weightedContext, data.Schema, table.Label, w))
                    : new AugmentationDownstream(kind, DownstreamClassifiers.Trees(own, data.Schema, table.Label), w => DownstreamClassifiers.Trees(weightedContext, data.Schema, table.Label, w));
            }).ToArray();
            var options = new AugmentationEvaluationOptions
            {
                LabelColumnName = table.Label,
                NumberOfFolds = folds,
                NumberOfRepeats = repeats,
                Ratios = ratios,
                Seed = seed,
                GanOptions = new GanTrainer.Options { Epochs = epochs, BatchSize = 500, PacSize = 1, FrequencyMatchingWeight = 1, NumberOfThreads = threads },
            };
            var clock = Stopwatch.StartNew();
            options.GanTrained = gan => Console.WriteLine($"  {(repeats > 1 ? $"repeat {gan.Repeat + 1}, " : "")}fold {gan.Fold + 1}: GAN trained on {gan.TrainingRows.Count} rows at {clock.Elapsed.TotalSeconds:F0} s (load {MachineLoad.Average()})");
            Console.WriteLine($"{tableName}, {share:P0} of the rows, {string.Join(" and ", classifiers)} classifier(s), {folds} folds × {repeats} repeat(s), GAN {epochs} epochs, {threads} libtorch thread(s), load {MachineLoad.Average()}");
            foreach (var result in ml.Gan().EvaluateAugmentation(data, downstreams, options))
            {
                Console.WriteLine(result.ToString());
                Console.WriteLine(BothPValues(result));
                Console.WriteLine();
            }
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds:F0} s, load {MachineLoad.Average()}");
        }
        finally
        {
            File.Delete(subset);
        }
    }

    /// <summary>Every comparison's mean difference with the plain paired t-test's p and the corrected resampled t-test's p.</summary>
    private static string BothPValues(AugmentationEvaluationResult result)
    {
        static string? Text(string against, PairedComparison? comparison) => comparison is null ? null
            : string.Create(CultureInfo.InvariantCulture, $"vs {against} {comparison.MeanDifference:+0.000;-0.000;0.000} (plain p {comparison.PValue:0.000}, corrected p {comparison.CorrectedPValue:0.000})");
        var lines = result.Methods.Where(m => m.AgainstRealOnly is not null).Select(m =>
            string.Create(CultureInfo.InvariantCulture, $"  {m.Name} {m.Ratio:0.##}: ") + string.Join("; ",
                new[] { Text("real only", m.AgainstRealOnly), Text("oversampling", m.AgainstOversampling), Text("class weights", m.AgainstClassWeights) }.OfType<string>()));
        return $"p-values, plain paired t-test and corrected resampled t-test over {result.FoldTestRows.Count} folds:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
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
