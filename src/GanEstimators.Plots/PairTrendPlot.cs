using System.Globalization;
using GanEstimators.Evaluation;
using ScottPlot;

namespace GanEstimators.Plots;

/// <summary>
/// The pair trends as heatmaps: the numeric columns' correlations in the real and the synthetic data and their
/// difference (synthetic − real), then every scored pair's score (numeric and categorical pairs; mixed pairs are not
/// scored and stay blank). The values come from <see cref="TabularFidelityMetrics.PairScores"/>.
/// </summary>
internal static class PairTrendPlot
{
    private const int Cell = 56;

    public static byte[] Draw(IReadOnlyList<string> columnOrder, IReadOnlyList<PairTrendScore> pairs)
    {
        string[] InOrder(IEnumerable<string> names) { var set = names.ToHashSet(); return columnOrder.Where(set.Contains).ToArray(); }
        var numeric = InOrder(pairs.Where(p => p.Kind == TabularColumnKind.Numeric).SelectMany(p => new[] { p.FirstColumn, p.SecondColumn }));
        var scored = InOrder(pairs.SelectMany(p => new[] { p.FirstColumn, p.SecondColumn }));

        var panels = new List<(string Title, string[] Names, double[,] Values, IColormap Colormap, ScottPlot.Range Range)>();
        if (numeric.Length >= 2)
        {
            var real = Matrix(numeric, pairs, p => p.RealCorrelation, diagonal: 1);
            var synthetic = Matrix(numeric, pairs, p => p.SyntheticCorrelation, diagonal: 1);
            var difference = Matrix(numeric, pairs, p => p.SyntheticCorrelation - p.RealCorrelation, diagonal: 0);
            var correlation = new ScottPlot.Range(-1, 1);
            panels.Add(("correlation, real", numeric, real, new ScottPlot.Colormaps.Balance(), correlation));
            panels.Add(("correlation, synthetic", numeric, synthetic, new ScottPlot.Colormaps.Balance(), correlation));
            panels.Add(("difference (synthetic − real)", numeric, difference, new ScottPlot.Colormaps.Balance(), correlation));
        }
        panels.Add(("pair score (1 = trend kept)", scored, Matrix(scored, pairs, p => p.Score, diagonal: double.NaN), new ScottPlot.Colormaps.Viridis(), new ScottPlot.Range(0, 1)));

        var multiplot = new Multiplot();
        multiplot.AddPlots(panels.Count);
        var gridColumns = panels.Count == 1 ? 1 : 2;
        var gridRows = (panels.Count + gridColumns - 1) / gridColumns;
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(gridRows, gridColumns);
        for (var i = 0; i < panels.Count; i++) Heatmap(multiplot.GetPlot(i), panels[i]);
        var side = Math.Max(numeric.Length, scored.Length) * Cell + 260;
        return multiplot.Render(side * gridColumns, side * gridRows).GetImageBytes(ImageFormat.Png);
    }

    /// <summary>values[row, column] for the named columns, symmetric; unscored pairs are NaN.</summary>
    private static double[,] Matrix(string[] names, IReadOnlyList<PairTrendScore> pairs, Func<PairTrendScore, double> value, double diagonal)
    {
        var n = names.Length;
        var matrix = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                matrix[i, j] = i == j ? diagonal : double.NaN;
        foreach (var pair in pairs)
        {
            int a = Array.IndexOf(names, pair.FirstColumn), b = Array.IndexOf(names, pair.SecondColumn);
            if (a < 0 || b < 0) continue;
            matrix[a, b] = matrix[b, a] = value(pair);
        }
        return matrix;
    }

    private static void Heatmap(Plot plot, (string Title, string[] Names, double[,] Values, IColormap Colormap, ScottPlot.Range Range) panel)
    {
        var n = panel.Names.Length;
        var heatmap = plot.Add.Heatmap(panel.Values);
        heatmap.Colormap = panel.Colormap;
        heatmap.ManualRange = panel.Range;
        heatmap.NaNCellColor = Colors.White;
        // Row 0 at the top, each cell a unit square centred on (column, n − 1 − row).
        heatmap.Position = new CoordinateRect(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.Add.ColorBar(heatmap);
        for (var row = 0; row < n; row++)
            for (var column = 0; column < n; column++)
            {
                var value = panel.Values[row, column];
                if (double.IsNaN(value)) continue;
                var text = plot.Add.Text(value.ToString("F2", CultureInfo.InvariantCulture), column, n - 1 - row);
                text.LabelFontSize = 11;
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontColor = Colors.Black;
                text.LabelBackgroundColor = Colors.White.WithAlpha(0.6);
            }
        var positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, panel.Names);
        plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 8 * panel.Names.Max(n => n.Length) + 20;
        plot.Axes.Left.SetTicks(positions.Select(p => n - 1 - p).ToArray(), panel.Names);
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.Title(panel.Title, 13);
    }
}
