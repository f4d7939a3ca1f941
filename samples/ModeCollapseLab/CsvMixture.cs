using System.Globalization;
using GanEstimators.Evaluation;
using Microsoft.ML.Data;

namespace ModeCollapseLab;

/// <summary>
/// The lab's mixtures as CSV files for <c>ganest train</c>, and the lab's scoring of a CSV that <c>ganest sample</c> wrote:
/// the command line's defaults measured with the same data and definitions as the lab's table.
/// </summary>
public static class CsvMixture
{
    /// <summary>Writes the mixture's <see cref="LabRun.TrainingRows"/> training points (the same ones <see cref="LabRun.Train"/> draws) with columns X, Y.</summary>
    public static void Write(Mixture mixture, int seed, string path)
    {
        var ml = new Microsoft.ML.MLContext(seed);
        var data = mixture.Sample(ml, LabRun.TrainingRows, seed);
        var xs = data.GetColumn<float>(nameof(Point.X)).ToArray();
        var ys = data.GetColumn<float>(nameof(Point.Y)).ToArray();
        File.WriteAllLines(path, new[] { "X,Y" }.Concat(xs.Select((x, i) =>
            x.ToString("R", CultureInfo.InvariantCulture) + "," + ys[i].ToString("R", CultureInfo.InvariantCulture))));
    }

    /// <summary>Scores the X, Y columns of a sampled CSV against the mixture's modes.</summary>
    public static ModeCoverageReport Score(Mixture mixture, string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var x = Array.IndexOf(header, "X");
        var y = Array.IndexOf(header, "Y");
        if (x < 0 || y < 0) throw new InvalidDataException($"'{path}' has no X and Y columns (header: {lines[0]}).");
        var samples = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => new[] { double.Parse(f[x], CultureInfo.InvariantCulture), double.Parse(f[y], CultureInfo.InvariantCulture) }).ToArray();
        return ModeCoverage.Evaluate(samples, mixture.Modes, mixture.Sigma);
    }
}
