using GanEstimators.Samples;
using System.Diagnostics;
using System.Globalization;
using GanEstimators;
using Microsoft.ML;
using Spectre.Console;
using WeatherSynthesis;

// README command 1: train a conditional GAN on Seattle's daily weather (precipitation, temperatures and wind, given the
// weather class), sample a synthetic table with the training table's size and class mix, and compare the two.
//
// Settings, measured on 2 shared CPU cores in the first session (mean KS over the four columns; the mean over 3-5
// seeds; after the ConditionedLinear change seed 1 of the default run gives 0.048 there, and 0.081 on an AMD EPYC,
// whose kernels round differently — the same code before and after issue 17): LeastSquares with
// the default 256×256 networks reaches 0.063 at 1500 epochs (~50 s of training) and 0.098 at 600 (~20 s);
// NonSaturating 0.115 at 600 epochs; Hinge 0.102 at 250 (~30 s); WassersteinGradientPenalty 0.128 at 250 (~45 s), with
// too narrow a precipitation tail and a poorly conditioned 'snow' class. (Real train vs test split: 0.039.)
var options = RunOptions.Parse(args, RunOptions.Defaults(epochs: 1500, seed: 1, loss: GanLoss.LeastSquares));
if (options is null) return;
Directory.CreateDirectory(options.Output);

// The networks are tiny, so one libtorch thread loses little; libtorch's default of one thread per core made epochs
// ~10× slower and erratic on 2 cores shared with other processes (0.3 s → 1-14 s per epoch).
TorchSharp.torch.set_num_threads(1);
var clock = Stopwatch.StartNew();

var mlContext = new MLContext(seed: options.Seed);
var data = WeatherData.Load(mlContext, options.Data);
var real = WeatherData.Read(mlContext, data);
Console.WriteLine($"Training a conditional GAN ({options.Loss}, {options.Epochs} epochs, seed {options.Seed}) on {real.Count} rows of {options.Data}");

var every = Math.Max(1, options.Epochs / 10);
var trainer = mlContext.Gan().Trainer(new GanTrainer.Options
{
    FeatureColumnNames = WeatherData.FeatureColumns,
    ConditionColumnName = WeatherData.ConditionColumn,
    Loss = options.Loss,
    Epochs = options.Epochs,
    // The figures above were measured with standardised columns on a plain MLP; the tabular defaults (mode-specific
    // normalisation, residual generator) are benchmarked through `ganest` in BENCHMARKS.md.
    NumericEncoding = GanNumericEncoding.Standardization,
    Architecture = GanArchitecture.Mlp,
    // Uniform training rows: drawing the classes by log-frequency (the default) gave a mean KS of 0.137 here instead
    // of 0.048 — it spends the small MLP's updates on the rare classes at the expense of rain and sun.
    BalanceConditionClasses = false,
    BatchSize = 256,
    NoiseDimension = 64,
    Mlp =
    {
        GeneratorHiddenSizes = new[] { 256, 256 },
        DiscriminatorHiddenSizes = new[] { 256, 256 },
    },
    Seed = options.Seed,
    ProgressCallback = m =>
    {
        if (m.Epoch % every != 0 && m.Epoch != options.Epochs) return;
        var scores = double.IsNaN(m.WassersteinEstimate)
            ? $"D(real) {m.MeanRealScore,6:F3}  D(fake) {m.MeanFakeScore,6:F3}  D accuracy {m.DiscriminatorAccuracy,6:P1}"
            : $"Wasserstein estimate {m.WassersteinEstimate,7:F3}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  epoch {m.Epoch,5}/{options.Epochs}  D loss {m.DiscriminatorLoss,8:F4}  G loss {m.GeneratorLoss,8:F4}  {scores}  ({clock.Elapsed.TotalSeconds:F0}s)"));
    },
});
using var sampler = trainer.Fit(data);
var trainingSeconds = clock.Elapsed.TotalSeconds;

// One Sample call per class with that class's training row count, so the synthetic table has the real class mix exactly
// (Sample without a condition draws each row's class at random with the training frequencies).
var synthetic = real.GroupBy(r => r.Weather).OrderBy(g => g.Key, StringComparer.Ordinal)
    .SelectMany((g, i) => WeatherData.Read(mlContext, sampler.Sample(g.Count(), condition: g.Key, seed: options.Seed + i)))
    .ToList();
var clamped = WeatherData.MatchRealFormat(synthetic, real);
var summary = Summary.Compare(real, synthetic);

WeatherData.WriteCsv(Path.Combine(options.Output, "synthetic.csv"), synthetic);
File.WriteAllText(Path.Combine(options.Output, "history.csv"), sampler.History.ToCsv());
File.WriteAllText(Path.Combine(options.Output, "metrics.csv"), summary.ToCsv());
LossPlot.Save(sampler.History, options.Loss, Path.Combine(options.Output, "loss-curves.png"));

var header = string.Create(CultureInfo.InvariantCulture,
    $"{options.Loss}, {options.Epochs} epochs, seed {options.Seed}: trained in {trainingSeconds:F1}s on {real.Count} rows of {options.Data}.\n" +
    $"{synthetic.Count} synthetic rows; {clamped} of {synthetic.Count * WeatherData.FeatureColumns.Length} values clamped into the real columns' ranges, all rounded to 0.1.");
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 120;
AnsiConsole.WriteLine();
AnsiConsole.WriteLine(header);
summary.Render(AnsiConsole.Console);
using (var writer = new StreamWriter(Path.Combine(options.Output, "summary.txt")))
{
    var file = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
    file.Profile.Width = 120;
    file.WriteLine(header);
    summary.Render(file);
}
Console.WriteLine($"Wrote synthetic.csv, history.csv, metrics.csv, summary.txt and loss-curves.png to {options.Output}");
