using System.Globalization;
using GanEstimators.Evaluation;
using ScottPlot;

namespace GanEstimators.Plots;

/// <summary>One column, real against synthetic: a density histogram (numbers, dates) or side-by-side bars (categories).</summary>
internal static class ColumnPlot
{
    private const int Bins = 30;
    private const int MaxCategories = 20;
    private static readonly DateTime UnixEpoch = new(1970, 1, 1);

    public static byte[] Overall(EvaluatedColumn real, EvaluatedColumn synthetic, bool isDate)
    {
        var plot = new Plot();
        Draw(plot, real, synthetic, isDate, NumericRange(real, synthetic), Title(real, synthetic, real.Name));
        return plot.GetImageBytes(900, 520, ImageFormat.Png);
    }

    /// <summary>A grid of panels: all rows, then each shown class's rows (numbers binned as in the all-rows panel).</summary>
    public static byte[] PerClass(EvaluatedColumn real, EvaluatedColumn synthetic, bool isDate, ClassLabels classes)
    {
        var panels = 1 + classes.Shown.Count;
        var columns = Math.Min(3, panels);
        var rows = (panels + columns - 1) / columns;
        var multiplot = new Multiplot();
        multiplot.AddPlots(panels);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        var omitted = classes.ClassCount - classes.Shown.Count;
        var range = NumericRange(real, synthetic);
        Draw(multiplot.GetPlot(0), real, synthetic, isDate, range,
            Title(real, synthetic, $"{real.Name}: all rows") + (omitted > 0 ? $" ({omitted} rarest {classes.ColumnName} classes not drawn)" : ""));
        for (var i = 0; i < classes.Shown.Count; i++)
        {
            var label = classes.Shown[i];
            var realRows = real.Rows(ClassLabels.RowsOf(classes.Real, label));
            var syntheticRows = synthetic.Rows(ClassLabels.RowsOf(classes.Synthetic, label));
            Draw(multiplot.GetPlot(i + 1), realRows, syntheticRows, isDate, range,
                $"{classes.ColumnName} = {label} ({realRows.Length} real, {syntheticRows.Length} synthetic)");
        }
        return multiplot.Render(480 * columns, 340 * rows).GetImageBytes(ImageFormat.Png);
    }

    private static string Title(EvaluatedColumn real, EvaluatedColumn synthetic, string heading)
    {
        double Missing(EvaluatedColumn c) => c.Length == 0 ? 0 : (double)Enumerable.Range(0, c.Length).Count(c.IsMissing) / c.Length;
        double realMissing = Missing(real), syntheticMissing = Missing(synthetic);
        return realMissing == 0 && syntheticMissing == 0 ? heading
            : string.Create(CultureInfo.InvariantCulture, $"{heading} (missing: real {realMissing:P1}, synthetic {syntheticMissing:P1})");
    }

    /// <summary>The smallest and largest value of either table (null for a categorical column or one without values): every panel's bins span it.</summary>
    private static (double Low, double High)? NumericRange(EvaluatedColumn real, EvaluatedColumn synthetic)
    {
        if (real.Kind != TabularColumnKind.Numeric) return null;
        var all = real.PresentNumbers().Concat(synthetic.PresentNumbers()).ToArray();
        return all.Length == 0 ? null : (all.Min(), all.Max());
    }

    private static void Draw(Plot plot, EvaluatedColumn real, EvaluatedColumn synthetic, bool isDate, (double Low, double High)? range, string title)
    {
        plot.Title(title, 13);
        if (real.Kind == TabularColumnKind.Numeric) Histogram(plot, real.PresentNumbers(), synthetic.PresentNumbers(), isDate, range);
        else Bars(plot, real.PresentCategories(), synthetic.PresentCategories());
        plot.ShowLegend(Alignment.UpperRight);
    }

    private static void Histogram(Plot plot, double[] real, double[] synthetic, bool isDate, (double Low, double High)? range)
    {
        if (range is not { } bounds || real.Length + synthetic.Length == 0)
        {
            plot.Add.Annotation("no values");
            return;
        }
        var (low, high) = bounds;
        var width = high > low ? (high - low) / Bins : 1;
        var bins = high > low ? Bins : 1;
        // Dates are days since 1970 here; ScottPlot's date axis reads OLE Automation dates.
        var offset = isDate ? (UnixEpoch - DateTime.FromOADate(0)).TotalDays : 0;
        double[] Centers() => Enumerable.Range(0, bins).Select(b => offset + low + (b + 0.5) * width).ToArray();
        double[] Densities(double[] values)
        {
            var counts = new double[bins];
            foreach (var v in values) counts[Math.Clamp((int)((v - low) / width), 0, bins - 1)]++;
            return counts.Select(c => values.Length == 0 ? 0 : c / (values.Length * width)).ToArray();
        }

        var centers = Centers();
        AddHistogram(plot, centers, Densities(real), width, ReportColors.Real, $"real ({real.Length})");
        AddHistogram(plot, centers, Densities(synthetic), width, ReportColors.Synthetic, $"synthetic ({synthetic.Length})");
        plot.YLabel("density");
        if (isDate) plot.Axes.DateTimeTicksBottom();
        plot.Axes.Margins(bottom: 0);
    }

    private static void AddHistogram(Plot plot, double[] centers, double[] densities, double width, Color color, string legend)
    {
        var bars = plot.Add.Bars(centers.Zip(densities, (x, y) => new Bar
        {
            Position = x,
            Value = y,
            Size = width,
            FillColor = color.WithAlpha(0.45),
            LineColor = color,
            LineWidth = 0.5f,
        }).ToArray());
        bars.LegendText = legend;
        bars.Color = color.WithAlpha(0.45);
    }

    private static void Bars(Plot plot, string[] real, string[] synthetic)
    {
        var realCounts = real.GroupBy(v => v, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var syntheticCounts = synthetic.GroupBy(v => v, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var categories = realCounts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key)
            .Concat(syntheticCounts.Keys.Where(k => !realCounts.ContainsKey(k)).Order(StringComparer.Ordinal))
            .ToArray();
        if (categories.Length == 0)
        {
            plot.Add.Annotation("no values");
            return;
        }
        var shown = categories.Take(MaxCategories).ToArray();
        double Share(Dictionary<string, int> counts, int total, string category) => total == 0 ? 0 : (double)counts.GetValueOrDefault(category) / total;

        var realBars = plot.Add.Bars(shown.Select((c, i) => new Bar { Position = i - 0.2, Value = Share(realCounts, real.Length, c), Size = 0.4, FillColor = ReportColors.Real }).ToArray());
        realBars.LegendText = $"real ({real.Length})";
        realBars.Color = ReportColors.Real;
        var syntheticBars = plot.Add.Bars(shown.Select((c, i) => new Bar { Position = i + 0.2, Value = Share(syntheticCounts, synthetic.Length, c), Size = 0.4, FillColor = ReportColors.Synthetic }).ToArray());
        syntheticBars.LegendText = $"synthetic ({synthetic.Length})";
        syntheticBars.Color = ReportColors.Synthetic;

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, shown.Length).Select(i => (double)i).ToArray(), shown.Select(Shorten).ToArray());
        if (shown.Length > 6) plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
        if (shown.Length > 6) plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        if (categories.Length > shown.Length) plot.XLabel($"the {shown.Length} most frequent of {categories.Length} categories");
        plot.YLabel("share of rows");
        plot.Axes.Margins(bottom: 0);
    }

    private static string Shorten(string category) => category.Length <= 18 ? category : category[..17] + "…";
}
