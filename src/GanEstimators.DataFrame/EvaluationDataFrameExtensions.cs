using GanEstimators.Evaluation;
using Microsoft.Data.Analysis;
using Microsoft.ML;

namespace GanEstimators;

/// <summary>Evaluation of DataFrames, and the evaluation report's tables as DataFrames.</summary>
public static class EvaluationDataFrameExtensions
{
    /// <summary>
    /// <see cref="GanCatalogEvaluationExtensions.Evaluate"/> on two DataFrames, each read as
    /// <see cref="DataFrameLoading.LoadFromDataFrame"/> reads it (nulls missing, strings categorical).
    /// </summary>
    public static TabularFidelityMetrics Evaluate(this GanCatalog catalog, Microsoft.Data.Analysis.DataFrame real, Microsoft.Data.Analysis.DataFrame synthetic, TabularEvaluationOptions? options = null) =>
        catalog.Evaluate(DataFrameLoading.FromDataFrame(real), DataFrameLoading.FromDataFrame(synthetic), options);

    /// <summary>The summary figures, one row each: columns <c>Metric</c> (the report's JSON key) and <c>Value</c>.</summary>
    public static Microsoft.Data.Analysis.DataFrame ToDataFrame(this TabularFidelityMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var rows = new List<(string Metric, double Value)>
        {
            ("rows_real", metrics.RealRows), ("rows_synthetic", metrics.SyntheticRows), ("column_shapes", metrics.ColumnShapes),
            ("pair_trends", metrics.PairTrends), ("detection_auc", metrics.DetectionAuc),
        };
        if (metrics.TrainOnRealTestOnReal is { } real)
            rows.AddRange(new[] { ("trtr_accuracy", real.Accuracy), ("trtr_macro_f1", real.MacroF1) });
        if (metrics.TrainOnSyntheticTestOnReal is { } synthetic)
            rows.AddRange(new[] { ("tstr_accuracy", synthetic.Accuracy), ("tstr_macro_f1", synthetic.MacroF1) });
        return new Microsoft.Data.Analysis.DataFrame(
            new StringDataFrameColumn("Metric", rows.Select(r => r.Metric)),
            new DoubleDataFrameColumn("Value", rows.Select(r => r.Value)));
    }

    /// <summary>The per-column table: <c>Column</c>, <c>Kind</c> (Numeric or Categorical), <c>Score</c>, in column order.</summary>
    public static Microsoft.Data.Analysis.DataFrame ColumnScoresToDataFrame(this TabularFidelityMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var scores = metrics.ColumnScores;
        return new Microsoft.Data.Analysis.DataFrame(
            new StringDataFrameColumn("Column", scores.Select(s => s.Name)),
            new StringDataFrameColumn("Kind", scores.Select(s => s.Kind.ToString())),
            new DoubleDataFrameColumn("Score", scores.Select(s => s.Score)));
    }

    /// <summary>
    /// The per-pair table: <c>FirstColumn</c>, <c>SecondColumn</c>, <c>Kind</c>, <c>RealCorrelation</c>,
    /// <c>SyntheticCorrelation</c> (NaN for categorical pairs), <c>Score</c>; its mean is <see cref="TabularFidelityMetrics.PairTrends"/>.
    /// </summary>
    public static Microsoft.Data.Analysis.DataFrame PairScoresToDataFrame(this TabularFidelityMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var pairs = metrics.PairScores;
        return new Microsoft.Data.Analysis.DataFrame(
            new StringDataFrameColumn("FirstColumn", pairs.Select(p => p.FirstColumn)),
            new StringDataFrameColumn("SecondColumn", pairs.Select(p => p.SecondColumn)),
            new StringDataFrameColumn("Kind", pairs.Select(p => p.Kind.ToString())),
            new DoubleDataFrameColumn("RealCorrelation", pairs.Select(p => p.RealCorrelation)),
            new DoubleDataFrameColumn("SyntheticCorrelation", pairs.Select(p => p.SyntheticCorrelation)),
            new DoubleDataFrameColumn("Score", pairs.Select(p => p.Score)));
    }
}
