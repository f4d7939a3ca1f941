using ScottPlot;

namespace ModeCollapseLab;

/// <summary>A PNG of generated samples over the true modes (with their 3σ circles).</summary>
public static class SamplePlot
{
    public static void Save(LabResult result, string path)
    {
        var plot = new Plot();
        var xs = result.Samples.Select(p => p[0]).ToArray();
        var ys = result.Samples.Select(p => p[1]).ToArray();
        var samples = plot.Add.ScatterPoints(xs, ys);
        samples.MarkerSize = 2;
        samples.Color = Colors.SteelBlue.WithAlpha(0.5);
        foreach (var mode in result.Config.Mixture.Modes)
        {
            var circle = plot.Add.Circle(mode[0], mode[1], 3 * result.Config.Mixture.Sigma);
            circle.LineColor = Colors.OrangeRed;
            circle.LineWidth = 1.5f;
            circle.FillColor = Colors.Transparent;
        }
        var extent = result.Config.Mixture.Modes.Max(m => Math.Max(Math.Abs(m[0]), Math.Abs(m[1]))) + 1;
        plot.Axes.SetLimits(-extent, extent, -extent, extent);
        plot.Axes.SquareUnits();
        var c = result.Coverage;
        plot.Title($"{result.Config.Name} seed {result.Seed}: {c.ModesCaptured}/{result.Config.Mixture.Modes.Count} modes, {c.HighQualityShare:P1} high quality");
        plot.SavePng(path, 600, 600);
    }
}
