using System.Diagnostics;
using System.Globalization;
using GanEstimators;
using GanEstimators.Benchmarks;
using Microsoft.ML;
using static GanEstimators.Benchmarks.Samples;
using static TorchSharp.torch;

// Overhead benchmark: GanTrainer's time per epoch against HandLoop's on the same data, networks, loss, optimiser,
// batch size and steps per epoch, interleaved in one process. See BENCHMARKS.md.
//   --epochs N    epochs per run (default 10)        --warmup W   leading epochs of each run left out (default 2, at least 1)
//   --reps R      runs of each variant (default 4)   --only a,b   configs whose name contains one of these
//   --threads T   libtorch intra-op threads (default 1: then thread CPU time is exact; 0 keeps libtorch's choice)
//   --guard       CI's check: --epochs 6 --reps 3 unless given; prints every ratio and exits 1 when a config's median
//                 ratio (CPU time; whole epoch when libtorch has more than one thread) passes --guard-limit (1.3)
//   --profile     also run the trainer without its per-epoch extras, and the hand loop with the trainer's per-step
//                 bookkeeping added piece by piece and two cheaper ways to get the same numbers
//   --check       instead: show that the trainer and the hand loop train the same networks (epoch 1 and 2 metrics side by side)
//   --tabular-speed  instead: flights-20k seconds per epoch and sampled rows/s (issue 3), --epochs default 5, beside a
//                 hand loop's generator-forward rate (issue 19); --sampling-stages also times Generate() and the chunk views;
//                 --save-model PATH keeps the trained sampler
//   --sampling-speed --model PATH  instead: only the sampling half, on a saved sampler (--threads default 1, 0 = the
//                 library's choice; --runs 5, --rows 100000 per run)
//   --steps B     instead: price each bookkeeping piece per step (B ABBA blocks of --block S steps, default 20)
//   --price-conditioned  instead: a conditioned first layer's forward + backward, weight rows added entry by entry
//                 against one addmm_ and against the hand loop's cat, at condition widths 2-500 (--iterations 2000)
//   --fingerprint instead: one hash per seeded small training (every loss, conditions, resume, save/load, DCGAN), then
//                 one of its sampled values and one of its history metrics alone; a
//                 refactoring that keeps behaviour keeps every hash on the same machine; --beside-collections runs it
//                 beside back-to-back garbage collections, which must change no hash (TorchSharp's temporary Scalars)
//   --big-table   instead: a generated wide table of --rows N rows (19 columns): read/fit seconds, seconds per epoch,
//                 sampling rows/s, peak RSS (--epochs 1, --threads 1, --fit-rows K, --max-training-rows M, --write file.csv,
//                 --stop-after S: cancel S seconds into training, for sizes whose epoch takes too long)
//   --fitting-fidelity  instead: flights-20k scored by Evaluate with the mixtures fitted to every row and to 1,000 (--epochs 30, --seeds 3)
//   --draw-path   instead: CPU ms to draw one training batch of 500 from the generated table of --rows N rows (--draws 500)
//   --soak        instead: memory soak, --soak-steps training steps (10,000) then --cycles save/load/sample cycles (1,000)
//                 measured after --warmup-cycles unmeasured ones (300)
//   --augmentation-cv --table T  instead: issue 22's EvaluateAugmentation on seattle-weather, penguins, cars or breast-cancer
//                 (--share 0.25 of the rows, --classifier linear|trees|both (one GAN per fold for both), --epochs 1000, --folds 5,
//                 --ratios 0.25,0.5,1, --seed 1, --threads 1, --repeats 1 (repeated k-fold, new folds each); each classifier
//                 also class-weighted; prints the plain and the corrected resampled t-test's p-values)
//   --scale-out   instead: issue 21's rows/s in-process and on 1, 2, 4 in-process silos (--rows 1000000, --shard-rows 65536,
//                 --silos 1,2,4, --tiny-shards 200 one-row shards for the per-shard cost, --model PATH or flights-20k 2 epochs)
//   --parquet-write  instead: issue 21: --rows N (1,000,000) synthetic rows of a small mixed-type model written to Parquet
//                 by SampleRange + SaveAsParquet, rows/s beside sampling alone, and the peak RSS of the write (--threads 1)
//   --convolution-kernels  instead: which conv2d input gradients oneDNN gets wrong here, plain and with the output channels
//                 padded, and a recipe-shaped step each way (--steps-per-run 10; --threads 1); run once per ONEDNN_MAX_CPU_ISA
//   --gpu-profile / --gpu-tabular  instead: issue 19's GPU profile (GpuProfile.cs, GpuTabular.cs; tools/gpu/profile-on-device.sh runs them)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Contains("--gpu-profile") || args.Contains("--gpu-tabular"))
{
    if (Arg("--threads") is { } t) set_num_threads(int.Parse(t, CultureInfo.InvariantCulture));
    if (args.Contains("--gpu-profile"))
        GpuProfile.Run(Arg("--device") ?? "cpu", (Arg("--batches") ?? "64,128,512").Split(',').Select(b => int.Parse(b, CultureInfo.InvariantCulture)).ToArray(),
            IntArg("--steps-per-epoch", 100), Arg("--data") ?? Path.Combine(FindRepositoryRoot(), "data", "fashion-mnist-subset"), IntArg("--base-channels", 32), Arg("--out"));
    else
        GpuTabular.Run(Arg("--data") ?? Path.Combine(FindRepositoryRoot(), "data"), Arg("--device") ?? "cpu", IntArg("--epochs", 5), IntArg("--chunk", 65_536), Arg("--out"));
    return 0;
}
if (args.Contains("--convolution-kernels"))
{
    set_num_threads(IntArg("--threads", 1));
    ConvolutionKernels.Run(IntArg("--steps-per-run", 10));
    return 0;
}


if (args.Contains("--fitting-fidelity"))
{
    // Issue 19: mixtures fitted to a 1,000-row sample against every row, flights-20k, scored by Evaluate.
    GanEstimators.Benchmarks.BigTable.FittingFidelity.Run(Arg("--data") ?? Path.Combine(FindRepositoryRoot(), "data"), IntArg("--epochs", 30), IntArg("--seeds", 3));
    return 0;
}
if (args.Contains("--draw-path"))
{
    // Issue 19: CPU time to draw a training batch from a generated table of --rows N rows (the step's table-size-dependent part).
    GanEstimators.Benchmarks.BigTable.DrawPath.Run(long.Parse(Arg("--rows") ?? "10000", CultureInfo.InvariantCulture), IntArg("--draws", 500));
    return 0;
}
if (args.Contains("--big-table"))
{
    // Issue 19's tables of 10 million rows: one size per process (--rows N); see BigTable/BigTableBenchmark.cs.
    GanEstimators.Benchmarks.BigTable.BigTableBenchmark.Run(long.Parse(Arg("--rows") ?? "10000", CultureInfo.InvariantCulture), IntArg("--epochs", 1), IntArg("--threads", 1),
        Arg("--write"), Arg("--fit-rows") is { } fit ? int.Parse(fit, CultureInfo.InvariantCulture) : null, Arg("--max-training-rows") is { } max ? long.Parse(max, CultureInfo.InvariantCulture) : null,
        Arg("--stop-after") is { } stop ? double.Parse(stop, CultureInfo.InvariantCulture) : null);
    return 0;
}
if (args.Contains("--tabular-speed"))
{
    // Issue 3's speed target; --threads 0 (default here) takes the library's thread count (before issue 19, libtorch's own, as CTGAN's figure did).
    TabularSpeed.Run(Arg("--data") ?? Path.Combine(FindRepositoryRoot(), "data"), IntArg("--epochs", 5), IntArg("--threads", 0), IntArg("--hidden", 256), args.Contains("--sampling-stages"), Arg("--save-model"));
    return 0;
}
if (args.Contains("--sampling-speed"))
{
    // The sampling half of --tabular-speed on a model it saved (--save-model), without training again.
    using var sampler = (GanSampler)new MLContext(seed: 0).Model.Load(Arg("--model") ?? throw new ArgumentException("--sampling-speed needs --model PATH"), out _);
    // --threads 0: the sampler's default (the library's choice) from libtorch's own starting count.
    sampler.NumberOfThreads = IntArg("--threads", 1) is > 0 and var sampleThreads ? sampleThreads : null;
    SamplingSpeed.Run(sampler, IntArg("--runs", 5), args.Contains("--sampling-stages"), IntArg("--rows", 100_000));
    return 0;
}
if (args.Contains("--augmentation-cv"))
{
    AugmentationCrossValidation.Run(Arg("--data") ?? Path.Combine(FindRepositoryRoot(), "data"), Arg("--table") ?? "seattle-weather",
        double.Parse(Arg("--share") ?? "0.25", CultureInfo.InvariantCulture), (Arg("--classifier") ?? "both") is "both" ? new[] { "linear", "trees" } : new[] { Arg("--classifier")! },
        IntArg("--epochs", 1000), IntArg("--folds", 5), AugmentationCrossValidation.Ratios(Arg("--ratios") ?? "0.25,0.5,1"), IntArg("--seed", 1), IntArg("--threads", 1), IntArg("--repeats", 1));
    return 0;
}
if (args.Contains("--scale-out"))
{
    ScaleOut.Run(Arg("--data") ?? Path.Combine(FindRepositoryRoot(), "data"), Arg("--model"), long.Parse(Arg("--rows") ?? "1000000", CultureInfo.InvariantCulture),
        IntArg("--shard-rows", 65_536), (Arg("--silos") ?? "1,2,4").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(), IntArg("--tiny-shards", 200));
    return 0;
}
if (args.Contains("--parquet-write"))
{
    ParquetWrite.Run(long.Parse(Arg("--rows") ?? "1000000", CultureInfo.InvariantCulture), IntArg("--threads", 1));
    return 0;
}
if (args.Contains("--fingerprint"))
{
    using var pressure = args.Contains("--beside-collections") ? new CollectionPressure() : null;
    Fingerprint.Run(Arg("--data") ?? Path.Combine(FindRepositoryRoot(), "data"));
    if (pressure is not null) Console.WriteLine($"{pressure.Collections} garbage collections ran beside it");
    return 0;
}
if (args.Contains("--soak"))
{
    Soak.Run(IntArg("--soak-steps", 10_000), IntArg("--cycles", 1_000), IntArg("--warmup-cycles", 300), IntArg("--threads", 1));
    return 0;
}
// --guard: the regression check CI runs after the tests: every config, shorter runs, then exit 1 when a median ratio
// passes --guard-limit (default 1.3, a margin for shared machines over the ≤ 1.05 / 1.03 the loop reaches).
var guard = args.Contains("--guard");
var epochs = IntArg("--epochs", guard ? 6 : 10);
var warmup = IntArg("--warmup", 2);
var reps = IntArg("--reps", guard ? 3 : 4);
var threads = IntArg("--threads", 1);
var profile = args.Contains("--profile");
// --profile-extras: only the trainer's per-epoch extras, each switched off in turn (shorter than --profile).
var profileExtras = profile || args.Contains("--profile-extras");
var only = Arg("--only")?.Split(',');
if (warmup < 1 || warmup >= epochs) throw new ArgumentException("need 1 <= --warmup < --epochs");
if (threads > 0) set_num_threads(threads);
// Thread CPU time sees only the training thread, so it measures the whole computation only when libtorch runs inline.
var cpuValid = get_num_threads() == 1;

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

var variants = new List<(string Name, Func<Config, int, RunResult> Run)>
{
    ("trainer", (c, n) => Trainer(c, n)),
    ("hand", (c, n) => HandLoop.Train(c, n, Bookkeeping.None)),
};
if (profileExtras)
{
    variants.Add(("trainer, per-epoch extras off", (c, n) => Trainer(c, n, perEpochExtras: false)));
    variants.Add(("trainer, diagnostics off", (c, n) => Trainer(c, n, diagnostics: false)));
    variants.Add(("trainer, last-good copies off", (c, n) => Trainer(c, n, lastGood: false)));
}
if (profile)
{
    variants.Add(("hand +gradnorm", (c, n) => HandLoop.Train(c, n, Bookkeeping.GradientNorm)));
    variants.Add(("hand +gradnorm +metrics", (c, n) => HandLoop.Train(c, n, Bookkeeping.GradientNorm | Bookkeeping.Metrics)));
    variants.Add(("hand +all (trainer's step)", (c, n) => HandLoop.Train(c, n, Bookkeeping.All)));
    variants.Add(("hand, suggested: fewer kernels", (c, n) => HandLoop.Train(c, n, Bookkeeping.Lean)));
    variants.Add(("hand, suggested: reduce per epoch", (c, n) => HandLoop.Train(c, n, Bookkeeping.Deferred)));
    variants.Add(("hand, fixed parameter lists", (c, n) => HandLoop.Train(c, n, Bookkeeping.None, fixedParameterLists: true)));
}

// --perf-only trainer|hand: runs only that variant, for a profiler (perf record) to see one side alone; prints no table.
if (Arg("--perf-only") is { } perfOnly)
{
    var (_, perfRun) = variants.Single(v => v.Name == perfOnly);
    foreach (var config in configs) perfRun(config, epochs * reps);
    return 0;
}

Console.WriteLine($"{Environment.ProcessorCount} cores, libtorch threads {get_num_threads()}, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
Console.WriteLine($"{epochs} epochs per run, first {warmup} left out, {reps} runs per variant (ABBA order); load average {MachineLoad.Average()}");
if (args.Contains("--check"))
{
    var checkRows = new List<string[]>();
    foreach (var config in configs)
    {
        var history = Trainer(config, 2).Metrics;
        for (var epoch = 0; epoch < 2; epoch++)
            checkRows.Add(new[] { config.Name, $"{epoch + 1}", "trainer" }.Concat(history[epoch].Select(v => v.ToString("G5"))).ToArray());
        foreach (var kind in new[] { Bookkeeping.All, Bookkeeping.Lean, Bookkeeping.Deferred })
        {
            using var loop = new HandLoop(config);
            for (var epoch = 0; epoch < 2; epoch++)
                checkRows.Add(new[] { config.Name, $"{epoch + 1}", $"hand, {kind}" }.Concat(loop.Epoch(kind).Select(v => v.ToString("G5"))).ToArray());
        }
    }
    Print(new[] { "config", "epoch", "source", "D loss", "G loss", "D(real)", "D(fake)", "accuracy", "W estimate", "‖∇G‖" }, checkRows);
    return 0;
}

if (args.Contains("--price-conditioned"))
{
    ConditionedLayerPricing.Run(IntArg("--iterations", 2_000));
    return 0;
}

if (args.Contains("--price-ops"))
{
    foreach (var config in configs) { Console.WriteLine(config.Name); OpPricing.Run(config, IntArg("--iterations", 20_000)); }
    return 0;
}

if (IntArg("--steps", 0) is > 0 and var blocks)
{
    var stepRows = configs.SelectMany(c => StepPricing.Run(c, blocks, IntArg("--block", 20))).ToList();
    Print(new[] { "config", "hand-loop step", "min µs/step", "median µs/step", "Δ µs (min)", "vs bare (min)" }, stepRows);
    Console.WriteLine($"load average at end {MachineLoad.Average()}");
    return 0;
}

// One throw-away run of each variant, so that the JIT, libtorch's kernels and its allocator are warm before anything counts.
foreach (var (_, run) in variants) run(configs[0], 2);

var rows = new List<string[]>();
var guardRatios = new List<(string Config, double Ratio)>();
foreach (var config in configs)
{
    var samples = variants.ToDictionary(v => v.Name, _ => new Samples());
    for (var rep = 0; rep < reps; rep++)
    {
        // ABBA order: alternate the variants' order so that drift in machine load falls on every variant alike.
        foreach (var (name, run) in rep % 2 == 0 ? variants : Enumerable.Reverse(variants))
            samples[name].Add(run(config, epochs), warmup);
    }
    var hand = samples["hand"];
    guardRatios.Add((config.Name, cpuValid ? Median(samples["trainer"].Cpu) / Median(hand.Cpu) : Median(samples["trainer"].Whole) / Median(hand.Whole)));
    foreach (var (name, _) in variants)
    {
        var s = samples[name];
        var ratios = (cpuValid ? s.RunCpuMedians : s.RunWholeMedians).Zip(cpuValid ? hand.RunCpuMedians : hand.RunWholeMedians, (a, b) => a / b).ToArray();
        rows.Add(new[]
        {
            config.Name, $"{config.StepsPerEpoch}×{config.CriticSteps}", name,
            $"{Ms(Median(s.Loop))} ({Ms(s.Loop.Min())})", $"{Ms(Median(s.Whole))} ({Ms(s.Whole.Min())})", cpuValid ? Ms(Median(s.Cpu)) : "n/a",
            $"{Ratio(Median(s.Loop) / Median(hand.Loop))} ({Ratio(s.Loop.Min() / hand.Loop.Min())})",
            $"{Ratio(Median(s.Whole) / Median(hand.Whole))} ({Ratio(s.Whole.Min() / hand.Whole.Min())})",
            cpuValid ? Ratio(Median(s.Cpu) / Median(hand.Cpu)) : "n/a",
            $"{Ratio(ratios.Min())}–{Ratio(ratios.Max())}", Ms(Median(s.Setup)), Median(s.Kilobytes).ToString("F0", CultureInfo.InvariantCulture),
        });
    }
    Console.WriteLine($"{config.Name} done; load average {MachineLoad.Average()}");
}

Console.WriteLine();
Print(new[]
{
    "config", "steps×D", "variant", "ms/epoch, History.Seconds: median (min)", "ms/epoch, whole epoch: median (min)", "ms/epoch, CPU: median",
    "ratio History.Seconds", "ratio whole epoch", "ratio CPU", $"per-run {(cpuValid ? "CPU" : "whole-epoch")} ratio range", "setup ms (run − Σ epochs)",
    "managed KB/epoch",
}, rows);
Console.WriteLine($"load average at end {MachineLoad.Average()}");
if (guard)
{
    var limit = double.Parse(Arg("--guard-limit") ?? "1.3", CultureInfo.InvariantCulture);
    var over = guardRatios.Where(g => g.Ratio > limit).ToArray();
    foreach (var (name, ratio) in guardRatios)
        Console.WriteLine($"guard: {name,-14} trainer/hand {(cpuValid ? "CPU-time" : "whole-epoch")} ratio {Ratio(ratio)} {(ratio > limit ? "OVER" : "within")} {limit}");
    Console.WriteLine(over.Length == 0 ? "guard: passed" : $"guard: FAILED, {over.Length} configuration(s) over {limit}: the training loop got dearer than the hand loop");
    return over.Length == 0 ? 0 : 1;
}
return 0;

// GanTrainer through its public API. Its own epoch clock (History.Seconds) covers the training steps; the progress
// callback, which runs on the training thread at the end of every epoch, stamps wall and thread CPU time, so the
// interval between two callbacks is the whole epoch with the trainer's per-epoch extras (collapse probe, training
// doctor, last-good snapshots). Epoch 1 has no start stamp. Without perEpochExtras those are switched off.
static RunResult Trainer(Config config, int epochs, bool perEpochExtras = true, bool diagnostics = true, bool lastGood = true)
{
    var wallStamps = new List<long>();
    var cpuStamps = new List<double>();
    var allocatedStamps = new List<long>();
    var options = new GanTrainer.Options
    {
        FeatureColumnNames = config.Data.FeatureColumns,
        ConditionColumnName = config.Data.ConditionColumn,
        Loss = config.Loss,
        Epochs = epochs,
        BatchSize = config.BatchSize,
        NoiseDimension = config.NoiseDimension,
        // The hand loop trains standardised columns through plain MLPs; since mode-specific normalisation became the
        // default (7ca827d) the ring's two scalar columns would otherwise get a wider encoding and residual networks.
        NumericEncoding = GanNumericEncoding.Standardization,
        Architecture = GanArchitecture.Mlp,
        Mlp =
        {
            GeneratorHiddenSizes = config.HiddenSizes,
            DiscriminatorHiddenSizes = config.HiddenSizes,
        },
        Optimizer = GanOptimizer.Adam,
        LearningRate = config.LearningRate,
        Beta1 = config.Beta1,
        Beta2 = config.Beta2,
        DiscriminatorSteps = config.CriticSteps,
        GradientPenaltyWeight = config.Loss == GanLoss.WassersteinGradientPenalty ? config.PenaltyWeight : null,
        Seed = config.Seed,
        ProgressCallback = _ =>
        {
            wallStamps.Add(Stopwatch.GetTimestamp());
            cpuStamps.Add(ThreadClock.Seconds());
            allocatedStamps.Add(GC.GetAllocatedBytesForCurrentThread());
        },
    };
    if (!diagnostics) options.EnableDiagnostics = false;
    if (!lastGood) options.NonFinitePolicy = GanNonFinitePolicy.Throw;
    if (!perEpochExtras)
    {
        options.EnableDiagnostics = false;
        options.NonFinitePolicy = GanNonFinitePolicy.Throw;
        options.KeepTrainingState = false;
    }
    var clock = Stopwatch.StartNew();
    using var sampler = new MLContext(seed: 0).Gan().Trainer(options).Fit(config.Data.View);
    var total = clock.Elapsed.TotalSeconds;
    var whole = wallStamps.Select((t, i) => i == 0 ? double.NaN : Stopwatch.GetElapsedTime(wallStamps[i - 1], t).TotalSeconds).ToArray();
    var cpu = cpuStamps.Select((t, i) => i == 0 ? double.NaN : t - cpuStamps[i - 1]).ToArray();
    var metrics = sampler.History.Epochs.Select(e => new[]
    {
        e.DiscriminatorLoss, e.GeneratorLoss, e.MeanRealScore, e.MeanFakeScore, e.DiscriminatorAccuracy, e.WassersteinEstimate, e.GeneratorGradientNorm,
    }).ToArray();
    var kilobytes = allocatedStamps.Select((b, i) => i == 0 ? double.NaN : (b - allocatedStamps[i - 1]) / 1024.0).ToArray();
    return new RunResult(sampler.History.Epochs.Select(e => e.Seconds).ToArray(), whole, cpu, total) { Metrics = metrics, EpochAllocatedKilobytes = kilobytes };
}

static string Ms(double seconds) => (seconds * 1000).ToString("F1");

static string Ratio(double ratio) => ratio.ToString("F3");


static void Print(string[] header, List<string[]> rows)
{
    Console.WriteLine("| " + string.Join(" | ", header) + " |");
    Console.WriteLine("|" + string.Join("|", header.Select((_, i) => i >= 3 ? "---:" : "---")) + "|");
    foreach (var row in rows) Console.WriteLine("| " + string.Join(" | ", row) + " |");
}

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        if (File.Exists(Path.Combine(directory.FullName, "GanEstimators.sln"))) return directory.FullName;
    throw new DirectoryNotFoundException("Run from inside the repository, or pass --data DIR.");
}

int IntArg(string name, int fallback) => Arg(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

namespace GanEstimators.Benchmarks
{
    /// <summary>One benchmark setting; the trainer and the hand loop both get exactly these values.</summary>
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

    /// <summary>
    /// Seconds of each epoch: the training loop's own clock (the trainer's History.Seconds), the whole epoch (wall time
    /// between the ends of two epochs) and the training thread's CPU time over the same interval; and the wall seconds of
    /// the whole run (reading the data and building the networks included).
    /// </summary>
    public sealed record RunResult(double[] EpochSeconds, double[] WholeEpochSeconds, double[] EpochCpuSeconds, double TotalSeconds)
    {
        /// <summary>The trainer's epoch metrics (EpochMeter's order), for --check.</summary>
        public double[][] Metrics { get; init; } = Array.Empty<double[]>();

        /// <summary>
        /// Managed bytes the training thread allocated in each epoch, in KB: unlike the times, the same on a busy
        /// machine, and what drives the gen-0 collections that run on that thread.
        /// </summary>
        public double[] EpochAllocatedKilobytes { get; init; } = Array.Empty<double>();
    }

    /// <summary>Every kept epoch of every run of one variant, and each run's medians.</summary>
    public sealed class Samples
    {
        public List<double> Loop { get; } = new();
        public List<double> Whole { get; } = new();
        public List<double> Cpu { get; } = new();
        public List<double> Setup { get; } = new();
        public List<double> Kilobytes { get; } = new();
        public List<double> RunWholeMedians { get; } = new();
        public List<double> RunCpuMedians { get; } = new();

        public void Add(RunResult run, int warmup)
        {
            Loop.AddRange(run.EpochSeconds.Skip(warmup));
            var whole = run.WholeEpochSeconds.Skip(warmup).ToArray();
            var cpu = run.EpochCpuSeconds.Skip(warmup).ToArray();
            Whole.AddRange(whole);
            Cpu.AddRange(cpu);
            Setup.Add(run.TotalSeconds - run.WholeEpochSeconds.Skip(1).Sum() - run.EpochSeconds[0]);
            Kilobytes.AddRange(run.EpochAllocatedKilobytes.Skip(warmup));
            RunWholeMedians.Add(Median(whole));
            RunCpuMedians.Add(Median(cpu));
        }

        public static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}
