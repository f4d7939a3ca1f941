// The mode-collapse lab. Usage (from the repository root):
//   dotnet run -c Release --project samples/ModeCollapseLab -- [--seeds 5] [--epochs 120] [--only ring|grid]
//       [--losses NonSaturating,Hinge] [--encoding Standardization,ModeSpecificNormalization] [--critic-steps N] [--threads 1] [--report-only]
//   ... -- --write-csv ring|grid --seed S --out FILE     the mixture's training points as a CSV for `ganest train`
//   ... -- --score-csv FILE --only ring|grid             modes and high quality of a CSV that `ganest sample` wrote
//   ... -- --curve ring|grid --batch B --pac M --chunk-epochs E --max-cpu S   quality against steps and CPU seconds (library defaults otherwise)
//   (samples/ModeCollapseLab/cli-defaults.sh runs `ganest train` with its defaults on both mixtures and scores them)
// Writes one PNG per configuration to docs/lab/, its results to docs/lab/runs/ARGUMENTS.csv, and the section of
// BENCHMARKS.md rebuilt from every CSV there (so one command per mixture can run side by side).
using System.Diagnostics;
using GanEstimators;
using ModeCollapseLab;

if (Option("--write-csv") is { } writeMixture)
{
    CsvMixture.Write(MixtureNamed(writeMixture), int.Parse(Option("--seed") ?? "1"), Option("--out") ?? $"{writeMixture}.csv");
    return;
}
if (Option("--score-csv") is { } scored)
{
    var coverage = CsvMixture.Score(MixtureNamed(Option("--only") ?? "ring"), scored);
    Console.WriteLine(FormattableString.Invariant($"{coverage.ModesCaptured} {coverage.HighQualityShare:F4} {coverage.ReverseKl:F4}"));
    return;
}
if (Option("--curve") is { } curveMixture)
{
    QualityCurve.Run(MixtureNamed(curveMixture), int.Parse(Option("--seed") ?? "1"), int.Parse(Option("--batch") ?? "500"), int.Parse(Option("--pac") ?? "1"),
        int.Parse(Option("--chunk-epochs") ?? "40"), double.Parse(Option("--max-cpu") ?? "180", System.Globalization.CultureInfo.InvariantCulture),
        double.Parse(Option("--average") ?? "0", System.Globalization.CultureInfo.InvariantCulture));
    return;
}

var seeds = int.Parse(Option("--seeds") ?? "5");
var epochs = int.Parse(Option("--epochs") ?? LabConfig.DefaultEpochs.ToString());
var mixtures = new[] { Mixture.Ring, Mixture.Grid }.Where(m => Option("--only") is not { } only || m.Name == only).ToArray();
var losses = Option("--losses")?.Split(',').Select(Enum.Parse<GanLoss>).ToArray() ?? Enum.GetValues<GanLoss>();
var criticSteps = Option("--critic-steps") is { } d ? int.Parse(d) : (int?)null;
var encodings = (Option("--encoding") ?? "Standardization").Split(',').Select(Enum.Parse<GanNumericEncoding>).ToArray();
TorchSharp.torch.set_num_threads(int.Parse(Option("--threads") ?? "1"));
var pngFolder = Option("--png") ?? "docs/lab";
var reportPath = Option("--report") ?? "BENCHMARKS.md";
Directory.CreateDirectory(pngFolder);
var store = new ResultsStore(Path.Combine(pngFolder, "runs"));
if (args.Contains("--report-only"))
{
    var (done, rows) = store.ReadAll();
    Report.WriteInto(reportPath, Report.Section(done, rows, pngFolder));
    return;
}

var command = "dotnet run -c Release --project samples/ModeCollapseLab" + (args.Length > 0 ? " -- " + string.Join(' ', args) : "");
var clock = Stopwatch.StartNew();
var results = new List<LabResult>();
foreach (var mixture in mixtures)
foreach (var loss in losses)
foreach (var pac in new[] { 1, mixture.PacSize })
foreach (var encoding in encodings)
{
    var config = new LabConfig(mixture, loss, pac, encoding, epochs, criticSteps);
    for (var seed = 1; seed <= seeds; seed++)
    {
        var result = LabRun.Train(config, seed);
        results.Add(result);
        Console.WriteLine($"{config.Name,-45} seed {seed}: {result.Coverage.ModesCaptured,2}/{mixture.Modes.Count} modes, {result.Coverage.HighQualityShare,6:P1} high quality, reverse KL {result.Coverage.ReverseKl:F3}, {result.Seconds:F1}s" +
                          (result.Diagnoses.Count > 0 ? $"  [{string.Join(", ", result.Diagnoses.Select(d => d.Problem))}]" : ""));
        if (seed == 1) SamplePlot.Save(result, Path.Combine(pngFolder, $"{config.Name}.png"));
    }
    // Rewritten after every configuration, so an interrupted run still leaves the rows it finished.
    store.Write(command, clock.Elapsed, results);
    var (commands, allRows) = store.ReadAll();
    Report.WriteInto(reportPath, Report.Section(commands, allRows, pngFolder));
}

Console.WriteLine($"Wrote {reportPath} and {pngFolder}/*.png in {clock.Elapsed.TotalMinutes:F1} min.");

static Mixture MixtureNamed(string name) => new[] { Mixture.Ring, Mixture.Grid }.SingleOrDefault(m => m.Name == name)
    ?? throw new ArgumentException($"No mixture '{name}': use ring or grid.");

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
