using System.Diagnostics;
using System.Globalization;
using GanEstimators;
using GanEstimators.Benchmarks;
using Microsoft.ML;

// Overhead benchmark: GanTrainer's seconds per epoch (sampler.History) against HandLoop's on the same data, networks,
// loss, optimiser, batch size and steps per epoch, interleaved in one process. See BENCHMARKS.md.
//   --epochs N    epochs per run (default 12)       --warmup W   leading epochs of each run left out (default 2)
//   --reps R      runs of each variant (default 4)  --only a,b   configs whose name contains one of these
//   --profile     also run the hand loop with the trainer's bookkeeping added piece by piece
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var epochs = IntArg("--epochs", 12);
var warmup = IntArg("--warmup", 2);
var reps = IntArg("--reps", 4);
var profile = args.Contains("--profile");
var only = Arg("--only")?.Split(',');
if (warmup >= epochs) throw new ArgumentException("--warmup must be smaller than --epochs");

var ml = new MLContext(seed: 0);
var ring = Dataset.Ring(ml, rows: 8_000);
var wide = Dataset.Wide(ml, rows: 16_000);
var configs = new[]
{
    // Ring: the tests' tiny networks (2 → 64 → 64), where fixed per-step costs weigh most.
    Config.For("ring NS", ring, GanLoss.NonSaturating, batch: 200, noise: 8, hidden: new[] { 64, 64 }),
    Config.For("ring WGAN-GP", ring, GanLoss.WassersteinGradientPenalty, batch: 200, noise: 8, hidden: new[] { 64, 64 }),
    // Wide: the trainer's defaults (batch 256, noise 64, 256 → 256).
    Config.For("wide NS", wide, GanLoss.NonSaturating, batch: 256, noise: 64, hidden: new[] { 256, 256 }),
    Config.For("wide WGAN-GP", wide, GanLoss.WassersteinGradientPenalty, batch: 256, noise: 64, hidden: new[] { 256, 256 }),
}.Where(c => only is null || only.Any(o => c.Name.Contains(o, StringComparison.OrdinalIgnoreCase))).ToArray();

var variants = new List<(string Name, Func<Config, RunResult> Run)> { ("trainer", c => Trainer(c, epochs)), ("hand", c => HandLoop.Train(c, c.Data, epochs, Bookkeeping.None)) };
if (profile)
{
    variants.Add(("hand +gradnorm", c => HandLoop.Train(c, c.Data, epochs, Bookkeeping.GradientNorm)));
    variants.Add(("hand +gradnorm +metrics", c => HandLoop.Train(c, c.Data, epochs, Bookkeeping.GradientNorm | Bookkeeping.Metrics)));
    variants.Add(("hand +all (= trainer's step)", c => HandLoop.Train(c, c.Data, epochs, Bookkeeping.All)));
}

Console.WriteLine($"{Environment.ProcessorCount} cores, torch threads {TorchSharp.torch.get_num_threads()}, {RuntimeInfo()}; {epochs} epochs per run, first {warmup} left out, {reps} runs per variant, load {LoadAverage()}");
// One throw-away run of each variant so that JIT, libtorch kernels and the allocator are warm before anything counts.
foreach (var (_, run) in variants) run(configs[0] with { });

var rows = new List<string[]>();
foreach (var config in configs)
{
    var perEpoch = variants.ToDictionary(v => v.Name, _ => new List<double>());
    var perRunMedian = variants.ToDictionary(v => v.Name, _ => new List<double>());
    var setup = variants.ToDictionary(v => v.Name, _ => new List<double>());
    for (var rep = 0; rep < reps; rep++)
    {
        // ABBA order: alternate the variants' order so that drift in machine load falls on both sides alike.
        foreach (var (name, run) in rep % 2 == 0 ? variants : Enumerable.Reverse(variants))
        {
            var result = run(config);
            var kept = result.EpochSeconds.Skip(warmup).ToArray();
            perEpoch[name].AddRange(kept);
            perRunMedian[name].Add(Median(kept));
            setup[name].Add(result.TotalSeconds - result.EpochSeconds.Sum());
        }
    }
    var hand = Median(perEpoch["hand"]);
    var handMin = perEpoch["hand"].Min();
    foreach (var (name, _) in variants)
    {
        var ratios = perRunMedian[name].Zip(perRunMedian["hand"], (a, b) => a / b).ToArray();
        rows.Add(new[]
        {
            config.Name, $"{config.StepsPerEpoch}×{config.CriticSteps}", name,
            Ms(Median(perEpoch[name])), Ms(perEpoch[name].Min()),
            (Median(perEpoch[name]) / hand).ToString("F3"), (perEpoch[name].Min() / handMin).ToString("F3"),
            $"{ratios.Min():F3}–{ratios.Max():F3}", Ms(Median(setup[name])),
        });
    }
    Console.WriteLine($"{config.Name} done, load {LoadAverage()}");
}

Console.WriteLine();
Print(new[] { "config", "steps×D", "variant", "median ms/epoch", "min ms/epoch", "ratio (median)", "ratio (min)", "per-run ratio range", "setup ms" }, rows);
Console.WriteLine($"load at end {LoadAverage()}");

static RunResult Trainer(Config config, int epochs)
{
    var ml = new MLContext(seed: 0);
    var options = new GanTrainer.Options
    {
        FeatureColumnNames = config.Data.FeatureColumns,
        ConditionColumnName = config.Data.ConditionColumn,
        Loss = config.Loss,
        Epochs = epochs,
        BatchSize = config.BatchSize,
        NoiseDimension = config.NoiseDimension,
        GeneratorHiddenSizes = config.HiddenSizes,
        DiscriminatorHiddenSizes = config.HiddenSizes,
        Optimizer = GanOptimizer.Adam,
        LearningRate = config.LearningRate,
        Beta1 = config.Beta1,
        Beta2 = config.Beta2,
        CriticSteps = config.CriticSteps,
        GradientPenaltyWeight = config.PenaltyWeight,
        Seed = config.Seed,
    };
    var clock = Stopwatch.StartNew();
    using var sampler = ml.Gan().Trainer(options).Fit(config.Data.View);
    var total = clock.Elapsed.TotalSeconds;
    return new RunResult(sampler.History.Epochs.Select(e => e.Seconds).ToArray(), total);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static string Ms(double seconds) => (seconds * 1000).ToString("F1");

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string RuntimeInfo() => $".NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";

static void Print(string[] header, List<string[]> rows)
{
    Console.WriteLine("| " + string.Join(" | ", header) + " |");
    Console.WriteLine("|" + string.Join("|", header.Select((h, i) => i >= 3 ? "---:" : "---")) + "|");
    foreach (var row in rows) Console.WriteLine("| " + string.Join(" | ", row) + " |");
}

int IntArg(string name, int fallback) => Arg(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

namespace GanEstimators.Benchmarks
{
    /// <summary>One benchmark setting; both the trainer and the hand loop get exactly these values.</summary>
    public sealed record Config(string Name, Dataset Data, GanLoss Loss, int BatchSize, int NoiseDimension, int[] HiddenSizes,
        double LearningRate, double Beta1, double Beta2, int CriticSteps, double PenaltyWeight = 10, int Seed = 1)
    {
        public int StepsPerEpoch => Math.Max(1, Data.Rows / BatchSize);

        /// <summary>The paper defaults GanTrainer uses: DCGAN's Adam(2e-4, 0.5, 0.999) and 1 D step for NS; WGAN-GP's Adam(1e-4, 0.5, 0.9), 5 critic steps, λ 10.</summary>
        public static Config For(string name, Dataset data, GanLoss loss, int batch, int noise, int[] hidden) => loss switch
        {
            GanLoss.NonSaturating => new(name, data, loss, batch, noise, hidden, 2e-4, 0.5, 0.999, 1),
            GanLoss.WassersteinGradientPenalty => new(name, data, loss, batch, noise, hidden, 1e-4, 0.5, 0.9, 5),
            _ => throw new ArgumentOutOfRangeException(nameof(loss)),
        };
    }

    /// <summary>Seconds of each epoch, and of the whole run including reading the data and building the networks.</summary>
    public sealed record RunResult(double[] EpochSeconds, double TotalSeconds);
}
