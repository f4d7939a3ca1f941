using ScottPlot;

namespace GanEstimators.Plots;

/// <summary>The report's two colours: real data blue, synthetic data orange, in every plot.</summary>
internal static class ReportColors
{
    public static readonly Color Real = Color.FromHex("#1f77b4");
    public static readonly Color Synthetic = Color.FromHex("#ff7f0e");
}
