using Microsoft.Data.Analysis;

namespace GanEstimators;

/// <summary>The training history as a DataFrame.</summary>
public static class GanTrainingHistoryDataFrameExtensions
{
    /// <summary>
    /// One row per epoch, one column per <see cref="GanEpochMetrics"/> property under its name (<c>Epoch</c>,
    /// <c>DiscriminatorLoss</c>, <c>GeneratorLoss</c>, <c>MeanRealScore</c>, <c>MeanFakeScore</c>,
    /// <c>DiscriminatorAccuracy</c>, <c>WassersteinEstimate</c>, <c>GeneratorGradientNorm</c>, <c>CollapseRatio</c>,
    /// <c>HeldOutEnergyDistance</c>, <c>Seconds</c>, <c>GeneratorLearningRate</c>, <c>DiscriminatorLearningRate</c>); NaN
    /// where a metric was not measured that epoch.
    /// </summary>
    public static Microsoft.Data.Analysis.DataFrame ToDataFrame(this GanTrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var epochs = history.Epochs;
        DoubleDataFrameColumn Metric(string name, Func<GanEpochMetrics, double> value) => new(name, epochs.Select(value));
        return new Microsoft.Data.Analysis.DataFrame(
            new Int32DataFrameColumn(nameof(GanEpochMetrics.Epoch), epochs.Select(e => e.Epoch)),
            Metric(nameof(GanEpochMetrics.DiscriminatorLoss), e => e.DiscriminatorLoss),
            Metric(nameof(GanEpochMetrics.GeneratorLoss), e => e.GeneratorLoss),
            Metric(nameof(GanEpochMetrics.MeanRealScore), e => e.MeanRealScore),
            Metric(nameof(GanEpochMetrics.MeanFakeScore), e => e.MeanFakeScore),
            Metric(nameof(GanEpochMetrics.DiscriminatorAccuracy), e => e.DiscriminatorAccuracy),
            Metric(nameof(GanEpochMetrics.WassersteinEstimate), e => e.WassersteinEstimate),
            Metric(nameof(GanEpochMetrics.GeneratorGradientNorm), e => e.GeneratorGradientNorm),
            Metric(nameof(GanEpochMetrics.CollapseRatio), e => e.CollapseRatio),
            Metric(nameof(GanEpochMetrics.HeldOutEnergyDistance), e => e.HeldOutEnergyDistance),
            Metric(nameof(GanEpochMetrics.Seconds), e => e.Seconds),
            Metric(nameof(GanEpochMetrics.GeneratorLearningRate), e => e.GeneratorLearningRate),
            Metric(nameof(GanEpochMetrics.DiscriminatorLearningRate), e => e.DiscriminatorLearningRate));
    }
}
