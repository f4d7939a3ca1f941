// The mode-collapse lab. Usage (from the repository root):
//   dotnet run -c Release --project samples/ModeCollapseLab -- [--seeds 5] [--epochs 120] [--only ring|grid] [--losses NonSaturating,Hinge]
// Writes one PNG per configuration to docs/lab/ and the results section of BENCHMARKS.md.
using System.Diagnostics;
using GanEstimators;
using ModeCollapseLab;

var seeds = int.Parse(Option("--seeds") ?? "5");
var epochs = int.Parse(Option("--epochs") ?? "120");
var mixtures = new[] { Mixture.Ring, Mixture.Grid }.Where(m => Option("--only") is not { } only || m.Name == only).ToArray();
var losses = Option("--losses")?.Split(',').Select(Enum.Parse<GanLoss>).ToArray() ?? Enum.GetValues<GanLoss>();
var pngFolder = "docs/lab";
Directory.CreateDirectory(pngFolder);

var command = "dotnet run -c Release --project samples/ModeCollapseLab" + (args.Length > 0 ? " -- " + string.Join(' ', args) : "");
var clock = Stopwatch.StartNew();
var results = new List<LabResult>();
foreach (var mixture in mixtures)
foreach (var loss in losses)
foreach (var pac in new[] { 1, mixture.PacSize })
{
    var config = new LabConfig(mixture, loss, pac);
    for (var seed = 1; seed <= seeds; seed++)
    {
        var result = LabRun.Train(config, seed, epochs);
        results.Add(result);
        Console.WriteLine($"{config.Name,-45} seed {seed}: {result.Coverage.ModesCaptured,2}/{mixture.Modes.Count} modes, {result.Coverage.HighQualityShare,6:P1} high quality, reverse KL {result.Coverage.ReverseKl:F3}, {result.Seconds:F1}s" +
                          (result.Diagnoses.Count > 0 ? $"  [{string.Join(", ", result.Diagnoses.Select(d => d.Problem))}]" : ""));
        if (seed == 1) SamplePlot.Save(result, Path.Combine(pngFolder, $"{config.Name}.png"));
    }
    // Rewritten after every configuration, so an interrupted run still leaves the rows it finished.
    Report.WriteInto("BENCHMARKS.md", Report.Section(results, command, clock.Elapsed, pngFolder, epochs));
}

Console.WriteLine($"Wrote BENCHMARKS.md and {pngFolder}/*.png in {clock.Elapsed.TotalMinutes:F1} min.");

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
