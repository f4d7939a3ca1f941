using GanEstimators.Evaluation;
using Microsoft.ML;

namespace GanEstimators.Plots;

/// <summary>Options for <see cref="GanCatalogReportExtensions.Report"/>.</summary>
public sealed class QualityReportOptions
{
    /// <summary>The columns to plot and compare. Default: every visible column of the real data.</summary>
    public IReadOnlyList<string>? ColumnNames { get; set; }

    /// <summary>
    /// The class (condition) column: every other column is also drawn per class, as small multiples. With
    /// <see cref="TestData"/> the report adds train-on-synthetic vs train-on-real classification quality. Text,
    /// Boolean, key or an integer type.
    /// </summary>
    public string? LabelColumnName { get; set; }

    /// <summary>Held-out real rows for train-on-synthetic/test-on-real, with the compared columns and the label.</summary>
    public IDataView? TestData { get; set; }

    /// <summary>The training run's epochs (<c>sampler.History.Epochs</c>, or <see cref="TrainingHistoryCsv.Read"/>): drawn as <c>loss-curves.png</c>.</summary>
    public IReadOnlyList<GanEpochMetrics>? TrainingEpochs { get; set; }

    /// <summary>
    /// Metrics already computed by <see cref="GanCatalogEvaluationExtensions.Evaluate"/> for the same tables, shown
    /// as they are; when null the report computes them (the detection classifier takes a few seconds).
    /// </summary>
    public TabularFidelityMetrics? Metrics { get; set; }

    /// <summary>Seed of the metrics' classifiers when the report computes them.</summary>
    public int Seed { get; set; }

    /// <summary>The report's heading.</summary>
    public string Title { get; set; } = "Real vs synthetic";
}
