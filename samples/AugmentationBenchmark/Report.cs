using System.Globalization;
using System.Text;

namespace AugmentationBenchmark;

/// <summary>One training set's result for one seed.</summary>
public sealed record Run(string Method, int Seed, long TrainingRows, MacroF1 Score);

/// <summary>The Markdown report: mean ± sample standard deviation over seeds, per method, then every seed's macro-F1.</summary>
public static class Report
{
    public static string Markdown(BenchmarkOptions options, IReadOnlyList<Run> runs, IReadOnlyList<string> classes, int testRows, double ganSeconds, string command)
    {
        var methods = runs.Select(r => r.Method).Distinct().ToArray();
        var seeds = runs.Select(r => r.Seed).Distinct().Order().ToArray();
        var text = new StringBuilder();
        Line(text, $"# GAN augmentation benchmark: Seattle weather, {options.Fraction:P0} of the training rows");
        Line(text, "");
        Line(text, $"`{command}`");
        Line(text, "");
        Line(text, $"- Training subset: a stratified {options.Fraction:P0} of `{Path.GetFileName(options.Train)}` per seed; test: all {testRows} rows of `{Path.GetFileName(options.Test)}` (fixed).");
        Line(text, options.WithDate
            ? "- Features: precipitation, temp_max, temp_min, wind, and the date's year and season (sin, cos of the day of the year); the GAN generates the date too; label: weather."
            : "- Features: precipitation, temp_max, temp_min, wind (the date is left out, and the GAN does not generate it); label: weather.");
        Line(text, $"- Classifier (the same for every training set): {DownstreamClassifier.Describe(options.Classifier)}.");
        Line(text, "- (b) copies random rows of each smaller class until it matches the largest; (c) trains a conditional GAN on the subset " +
                   $"(WGAN-GP, {options.Epochs} epochs of one step, batch = the subset, no PacGAN packing, default networks, FrequencyMatchingWeight {options.FrequencyWeight.ToString(CultureInfo.InvariantCulture)}, seed = run seed; {ganSeconds:F0} s per seed on average) and balances with `mlContext.Gan().Augment(BalanceColumnName = \"weather\")`; " +
                   "(d), a yardstick rather than a method, balances with unseen real rows of the smaller classes (the training rows left out of the subset, without replacement, until a class matches the largest or they run out). " +
                   "With a ratio r, (b), (c) and (d) bring each smaller class only up to r × the largest class (`BalanceRatio = r`).");
        if (options.GanOnAllRows)
            Line(text, "- (e) replaces (c): the same GAN and balancing, but the GAN is trained on all training rows (`--gan-data all`), not the subset — a yardstick like (d), not a method.");
        Line(text, $"- Macro-F1: mean over the {classes.Count} classes of per-class F1 from the confusion counts; mean ± sample std over seeds {string.Join(", ", seeds)}.");
        Line(text, "");
        Line(text, $"| Training set | Rows | Macro-F1 | {string.Join(" | ", classes.Select(c => $"F1 {c}"))} |");
        Line(text, $"|---|---:|---:|{string.Concat(classes.Select(_ => "---:|"))}");
        foreach (var method in methods)
        {
            var mine = runs.Where(r => r.Method == method).ToArray();
            Line(text, $"| {method} | {mine.Average(r => r.TrainingRows):F0} | {MeanStd(mine.Select(r => r.Score.Value))} | " +
                       $"{string.Join(" | ", classes.Select(c => mine.Average(r => r.Score.PerClass[c]).ToString("F3", CultureInfo.InvariantCulture)))} |");
        }
        Line(text, "");
        Line(text, $"Macro-F1 per seed:");
        Line(text, "");
        Line(text, $"| Training set | {string.Join(" | ", seeds.Select(s => $"seed {s}"))} |");
        Line(text, $"|---|{string.Concat(seeds.Select(_ => "---:|"))}");
        foreach (var method in methods)
            Line(text, $"| {method} | {string.Join(" | ", seeds.Select(s => runs.Single(r => r.Method == method && r.Seed == s).Score.Value.ToString("F3", CultureInfo.InvariantCulture)))} |");
        return text.ToString();
    }

    private static string MeanStd(IEnumerable<double> values)
    {
        var v = values.ToArray();
        var mean = v.Average();
        var std = v.Length < 2 ? 0 : Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        return string.Create(CultureInfo.InvariantCulture, $"{mean:F3} ± {std:F3}");
    }

    private static void Line(StringBuilder text, FormattableString line) => text.Append(FormattableString.Invariant(line)).Append('\n');

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
