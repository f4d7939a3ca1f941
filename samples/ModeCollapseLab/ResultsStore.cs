using System.Globalization;
using GanEstimators;

namespace ModeCollapseLab;

/// <summary>One seed of one configuration, as stored: what the report needs, without the samples.</summary>
public sealed record LabRow(string Mixture, int ModeCount, GanLoss Loss, int PacSize, string Encoding, int Epochs, int Seed,
    int Modes, double HighQuality, double ReverseKl, double Seconds, string[] Diagnoses, string PngName, double GeneratorGradientNorm, double DiscriminatorAccuracy, int? CriticSteps)
{
    public static LabRow From(LabResult r) => new(r.Config.Mixture.Name, r.Config.Mixture.Modes.Count, r.Config.Loss, r.Config.PacSize,
        r.Config.EncodingName, r.Config.Epochs, r.Seed, r.Coverage.ModesCaptured, r.Coverage.HighQualityShare, r.Coverage.ReverseKl,
        r.Seconds, r.Diagnoses.Select(d => d.Problem.ToString()).Distinct().ToArray(), r.Config.Name, r.GeneratorGradientNorm, r.DiscriminatorAccuracy, r.Config.CriticSteps);
}

/// <summary>
/// The lab's results as one CSV per command under <c>docs/lab/runs/</c>, so several commands (run one after the other or
/// side by side, e.g. one per mixture) add up to one report. The first line records the command and its wall time.
/// </summary>
public sealed class ResultsStore(string folder)
{
    private const string Header = "mixture,modes_total,loss,pac,encoding,epochs,seed,modes,high_quality,reverse_kl,seconds,diagnoses,png,generator_gradient_norm,discriminator_accuracy,critic_steps";

    public void Write(string command, TimeSpan wall, IEnumerable<LabResult> results)
    {
        Directory.CreateDirectory(folder);
        var lines = new List<string> { $"# {command} | {wall.TotalMinutes.ToString("F1", CultureInfo.InvariantCulture)} min", Header };
        lines.AddRange(results.Select(LabRow.From).Select(r => string.Join(',',
            r.Mixture, r.ModeCount, r.Loss, r.PacSize, r.Encoding, r.Epochs, r.Seed, r.Modes, Number(r.HighQuality), Number(r.ReverseKl),
            Number(r.Seconds), string.Join(';', r.Diagnoses), r.PngName, Number(r.GeneratorGradientNorm), Number(r.DiscriminatorAccuracy), r.CriticSteps?.ToString(CultureInfo.InvariantCulture) ?? "")));
        var path = Path.Combine(folder, FileNameOf(command));
        File.WriteAllLines(path + ".tmp", lines);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public (IReadOnlyList<string> Commands, IReadOnlyList<LabRow> Rows) ReadAll()
    {
        var commands = new List<string>();
        var rows = new List<LabRow>();
        if (!Directory.Exists(folder)) return (commands, rows);
        foreach (var file in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            commands.Add(lines[0].TrimStart('#', ' '));
            foreach (var line in lines.Skip(2))
            {
                var f = line.Split(',');
                rows.Add(new LabRow(f[0], Int(f[1]), Enum.Parse<GanLoss>(f[2]), Int(f[3]), f[4], Int(f[5]), Int(f[6]), Int(f[7]),
                    Double(f[8]), Double(f[9]), Double(f[10]), f[11].Length == 0 ? Array.Empty<string>() : f[11].Split(';'), f[12],
                    Double(f[13]), Double(f[14]), f.Length > 15 && f[15].Length > 0 ? Int(f[15]) : null));
            }
        }
        return (commands, rows);
    }

    private static string FileNameOf(string command)
    {
        var arguments = command.Contains(" -- ", StringComparison.Ordinal) ? command[(command.IndexOf(" -- ", StringComparison.Ordinal) + 4)..] : "all";
        var slug = new string(arguments.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return (slug.Length > 0 ? slug : "all") + ".csv";
    }

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
    private static double Double(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
