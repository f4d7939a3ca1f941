using GanEstimators;
using ScottPlot;

namespace GanEstimators.Samples;

/// <summary>Two stacked panels: D and G loss per epoch, then the discriminator's mean scores (and the Wasserstein estimate for critics).</summary>
internal static class LossPlot
{
    public static void Save(GanTrainingHistory history, GanLoss loss, string path)
    {
        var epochs = history.Epochs.Select(e => (double)e.Epoch).ToArray();
        double[] Series(Func<GanEpochMetrics, double> value) => history.Epochs.Select(value).ToArray();

        var multiplot = new Multiplot();
        multiplot.AddPlots(2);

        var losses = multiplot.GetPlot(0);
        losses.Add.ScatterLine(epochs, Series(e => e.DiscriminatorLoss)).LegendText = "discriminator loss";
        losses.Add.ScatterLine(epochs, Series(e => e.GeneratorLoss)).LegendText = "generator loss";
        losses.Title($"{loss}: losses per epoch");
        losses.XLabel("epoch");
        losses.YLabel("loss");
        losses.ShowLegend(Alignment.UpperRight);

        var scores = multiplot.GetPlot(1);
        scores.Add.ScatterLine(epochs, Series(e => e.MeanRealScore)).LegendText = "mean D(real)";
        scores.Add.ScatterLine(epochs, Series(e => e.MeanFakeScore)).LegendText = "mean D(fake)";
        if (history.Epochs.Any(e => !double.IsNaN(e.WassersteinEstimate)))
            scores.Add.ScatterLine(epochs, Series(e => e.WassersteinEstimate)).LegendText = "Wasserstein estimate";
        scores.Title("discriminator scores per epoch");
        scores.XLabel("epoch");
        scores.YLabel(loss is GanLoss.Minimax or GanLoss.NonSaturating ? "D(x), a probability" : "D(x), raw output");
        scores.ShowLegend(Alignment.UpperRight);

        // Written beside the target and moved into place, so an interrupted run never leaves half a PNG.
        var temporary = path + ".tmp";
        multiplot.SavePng(temporary, 1000, 800);
        File.Move(temporary, path, overwrite: true);
    }
}
