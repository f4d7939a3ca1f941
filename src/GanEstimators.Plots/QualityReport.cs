using GanEstimators.Evaluation;

namespace GanEstimators.Plots;

/// <summary>What <see cref="GanCatalogReportExtensions.Report"/> wrote.</summary>
public sealed class QualityReport
{
    internal QualityReport(string directory, string htmlPath, IReadOnlyDictionary<string, string> columnPlotPaths, string? pairTrendsPlotPath, string? lossCurvesPlotPath, TabularFidelityMetrics metrics)
    {
        Directory = directory;
        HtmlPath = htmlPath;
        ColumnPlotPaths = columnPlotPaths;
        PairTrendsPlotPath = pairTrendsPlotPath;
        LossCurvesPlotPath = lossCurvesPlotPath;
        Metrics = metrics;
    }

    /// <summary>The output directory, as a full path.</summary>
    public string Directory { get; }

    /// <summary><c>report.html</c>: the metrics and every plot (referred to by relative paths).</summary>
    public string HtmlPath { get; }

    /// <summary>One PNG per compared column, keyed by column name (file names are the names made safe for any file system).</summary>
    public IReadOnlyDictionary<string, string> ColumnPlotPaths { get; }

    /// <summary><c>pair-trends.png</c>; null when no two columns of the same kind were compared.</summary>
    public string? PairTrendsPlotPath { get; }

    /// <summary><c>loss-curves.png</c>; null without <see cref="QualityReportOptions.TrainingEpochs"/>.</summary>
    public string? LossCurvesPlotPath { get; }

    /// <summary>The metrics the report shows.</summary>
    public TabularFidelityMetrics Metrics { get; }

    /// <summary>Every file written: the column plots in column order, the pair-trend and loss plots when written, then the HTML.</summary>
    public IReadOnlyList<string> Files =>
        ColumnPlotPaths.Values.Concat(new[] { PairTrendsPlotPath, LossCurvesPlotPath }.OfType<string>()).Append(HtmlPath).ToArray();
}
