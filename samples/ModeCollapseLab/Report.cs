using System.Globalization;
using System.Text;

namespace ModeCollapseLab;

/// <summary>The markdown section: one row per configuration, mean ± std over seeds, and the PNG links.</summary>
public static class Report
{
    public const string Begin = "<!-- mode-collapse-lab:begin -->";
    public const string End = "<!-- mode-collapse-lab:end -->";

    public static string Section(IReadOnlyList<string> commands, IReadOnlyList<LabRow> rows, string pngFolder)
    {
        var md = new StringBuilder();
        md.AppendLine(Begin);
        md.AppendLine("## Mode-collapse lab: every loss, with and without PacGAN, on the ring and the grid");
        md.AppendLine();
        md.AppendLine("One command runs the whole lab: `bash samples/ModeCollapseLab/run-all.sh`. It runs the commands below, two or three side by side, and rebuilds this table from the `docs/lab/runs/*.csv` they write. Their wall times are on this 2-core CPU machine (TorchSharp-cpu 0.107, one libtorch thread per command):");
        md.AppendLine();
        foreach (var command in commands) md.AppendLine($"- `{command.Replace(" | ", "` — ", StringComparison.Ordinal)}");
        md.AppendLine();
        md.AppendLine($"Setup: {LabRun.TrainingRows} training points; ring = 8 Gaussians on a circle of radius 2, σ = 0.02; grid = 25 Gaussians at {{−4,−2,0,2,4}}², σ = 0.05. " +
                      "G: MLP 8 → 128 → 128 → 128 → 2 (ReLU); D: MLP 2·m → 128 → 128 → 1 (LeakyReLU 0.2); batch 100; 25 steps an epoch; each loss with its paper's optimiser defaults. " +
                      "PacGAN packing m = 2 on the ring and 4 on the grid (as in the PacGAN paper's anchors). " +
                      "Encoding *raw*: each coordinate standardised (the papers' setting). Encoding *modes*: the library's default for numeric columns, CTGAN's mode-specific normalisation " +
                      "(a variational Gaussian mixture per coordinate; the generator picks a mode per axis with Gumbel-softmax and an offset within it).");
        md.AppendLine();
        md.AppendLine($"Metrics from {LabRun.EvaluationSamples} samples per run (VEEGAN / PacGAN definitions): *high quality* = within 3σ of the nearest mode; *modes* = modes that are the nearest mode of at least one high-quality sample; " +
                      "*reverse KL* = KL(q ‖ u) = Σ q_k log(q_k·K), q = histogram of the high-quality samples over the K modes, u uniform (empty modes add 0; no high-quality sample at all gives ∞). Mean ± std over seeds. " +
                      $"*G gradient norm* and *D accuracy* (real and generated samples told apart at D's threshold; not defined for critics) are the training doctor's signals, averaged over each run's last {LabRun.LastEpochs} epochs.");
        md.AppendLine();
        md.AppendLine("| mixture | encoding | epochs | loss | pac | D steps | seeds | modes | high quality | reverse KL | G gradient norm | D accuracy | seconds / run | doctor's diagnoses (runs) | samples (seed 1) |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var groups = rows.GroupBy(r => (r.Mixture, r.Encoding, r.Epochs, r.Loss, r.PacSize, r.CriticSteps))
            .OrderBy(g => g.Key.Mixture == "ring" ? 0 : 1).ThenBy(g => g.Key.Encoding == "raw" ? 0 : 1).ThenBy(g => g.Key.Epochs)
            .ThenBy(g => g.Key.Loss).ThenBy(g => g.Key.PacSize).ThenBy(g => g.Key.CriticSteps ?? 0);
        foreach (var group in groups)
        {
            var runs = group.ToArray();
            var first = runs[0];
            var diagnoses = runs.SelectMany(r => r.Diagnoses).GroupBy(p => p).Select(g => $"{g.Key} ({g.Count()})");
            md.AppendLine(string.Join(" | ", new[]
            {
                $"| {first.Mixture}", first.Encoding, first.Epochs.ToString(CultureInfo.InvariantCulture), first.Loss.ToString(),
                first.PacSize.ToString(CultureInfo.InvariantCulture), (first.CriticSteps ?? DefaultCriticSteps(first.Loss)).ToString(CultureInfo.InvariantCulture), runs.Length.ToString(CultureInfo.InvariantCulture),
                MeanStd(runs.Select(r => (double)r.Modes), "F1") + $" / {first.ModeCount}",
                MeanStd(runs.Select(r => 100 * r.HighQuality), "F1") + " %",
                MeanStd(runs.Select(r => r.ReverseKl), "F3"),
                MeanStd(runs.Select(r => r.GeneratorGradientNorm), "G2"),
                runs.All(r => double.IsNaN(r.DiscriminatorAccuracy)) ? "— (critic)" : MeanStd(runs.Select(r => 100 * r.DiscriminatorAccuracy), "F0") + " %",
                runs.Average(r => r.Seconds).ToString("F1", CultureInfo.InvariantCulture),
                string.Join(", ", diagnoses) is { Length: > 0 } d ? d : "—",
                $"[png]({pngFolder}/{first.PngName}.png) |",
            }));
        }
        md.AppendLine(End);
        return md.ToString();
    }

    /// <summary>Replaces the lab's section of BENCHMARKS.md (or appends it).</summary>
    public static void WriteInto(string benchmarksPath, string section)
    {
        var text = File.Exists(benchmarksPath) ? File.ReadAllText(benchmarksPath) : "# Benchmarks\n";
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        text = begin >= 0 && end > begin
            ? text[..begin] + section.TrimEnd('\n') + text[(end + End.Length)..]
            : text.TrimEnd('\n') + "\n\n" + section;
        File.WriteAllText(benchmarksPath, text);
    }

    // The losses' own defaults in GanTrainer (the Wasserstein critics follow their papers: 5 critic updates per generator update).
    private static int DefaultCriticSteps(GanEstimators.GanLoss loss) =>
        loss is GanEstimators.GanLoss.Wasserstein or GanEstimators.GanLoss.WassersteinGradientPenalty ? 5 : 1;

    private static string MeanStd(IEnumerable<double> values, string format)
    {
        var v = values.ToArray();
        var mean = v.Average();
        var std = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
        return $"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {std.ToString(format, CultureInfo.InvariantCulture)}";
    }
}
