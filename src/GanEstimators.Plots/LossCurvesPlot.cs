using ScottPlot;

namespace GanEstimators.Plots;

/// <summary>Two stacked panels: discriminator and generator loss per epoch, then the discriminator's mean scores (and the Wasserstein estimate for critics).</summary>
internal static class LossCurvesPlot
{
    public static byte[] Draw(IReadOnlyList<GanEpochMetrics> epochs)
    {
        var x = epochs.Select(e => (double)e.Epoch).ToArray();
        double[] Series(Func<GanEpochMetrics, double> value) => epochs.Select(value).ToArray();

        var multiplot = new Multiplot();
        multiplot.AddPlots(2);

        var losses = multiplot.GetPlot(0);
        losses.Add.ScatterLine(x, Series(e => e.DiscriminatorLoss)).LegendText = "discriminator loss";
        losses.Add.ScatterLine(x, Series(e => e.GeneratorLoss)).LegendText = "generator loss";
        losses.Title("losses per epoch", 13);
        losses.XLabel("epoch");
        losses.YLabel("loss");
        losses.ShowLegend(Alignment.UpperRight);

        var scores = multiplot.GetPlot(1);
        scores.Add.ScatterLine(x, Series(e => e.MeanRealScore)).LegendText = "mean D(real)";
        scores.Add.ScatterLine(x, Series(e => e.MeanFakeScore)).LegendText = "mean D(fake)";
        var critic = epochs.Any(e => !double.IsNaN(e.WassersteinEstimate));
        if (critic) scores.Add.ScatterLine(x, Series(e => e.WassersteinEstimate)).LegendText = "Wasserstein estimate";
        scores.Title("discriminator scores per epoch", 13);
        scores.XLabel("epoch");
        scores.YLabel(critic ? "critic output" : "D(x)");
        scores.ShowLegend(Alignment.UpperRight);

        return multiplot.Render(1000, 800).GetImageBytes(ImageFormat.Png);
    }
}
