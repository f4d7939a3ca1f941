using GanEstimators.Encoding;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Evaluation.Augmentation;

/// <summary>Fits the user's estimator on one training set and scores its predictions on the fold's held-out rows.</summary>
internal sealed class DownstreamScore
{
    private readonly IEstimator<ITransformer> _estimator;
    private readonly AugmentationEvaluationOptions _options;
    private readonly string? _minorityClass;

    public DownstreamScore(IEstimator<ITransformer> estimator, AugmentationEvaluationOptions options, string? minorityClass)
    {
        _estimator = estimator;
        _options = options;
        _minorityClass = minorityClass;
    }

    public double Score(IDataView training, IDataView test, IReadOnlyList<string> truth)
    {
        var model = _estimator.Fit(training);
        List<string> predicted;
        try
        {
            predicted = Predictions(model.Transform(test));
        }
        finally
        {
            // One model per method, ratio and fold: a user's estimator holding native memory (TorchSharp, ONNX) must
            // not keep every one of them until the process ends.
            (model as IDisposable)?.Dispose();
        }
        if (predicted.Count != truth.Count)
            throw new InvalidOperationException($"The fitted estimator returned {predicted.Count} rows for {truth.Count} held-out rows; it must score every row.");
        if (_options.Metric == AugmentationMetric.MacroF1) return ClassificationScores.Of(truth, predicted).MacroF1;
        var rows = Enumerable.Range(0, truth.Count).Where(i => truth[i] == _minorityClass).ToArray();
        return rows.Count(i => predicted[i] == _minorityClass) / (double)rows.Length;
    }

    private List<string> Predictions(IDataView scored)
    {
        var name = _options.PredictedLabelColumnName;
        scored = WithKeyValuesAsValues(scored, name);
        var column = scored.Schema.GetColumnOrNull(name)
            ?? throw new ArgumentException(
                $"The fitted downstream estimator writes no column '{name}' ({nameof(AugmentationEvaluationOptions)}.{nameof(AugmentationEvaluationOptions.PredictedLabelColumnName)}); it has {string.Join(", ", scored.Schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"))}.",
                nameof(AugmentationEvaluationOptions.PredictedLabelColumnName));
        if (!CategoryText.IsSupported(column.Type))
            throw new ArgumentException($"Predicted label column '{name}' has type {column.Type}; expected {CategoryText.ExpectedTypes}.", nameof(AugmentationEvaluationOptions.PredictedLabelColumnName));
        var values = new List<string>();
        using var cursor = scored.GetRowCursor(new[] { column });
        var read = CategoryText.For(column).MakeReader(cursor, column);
        while (cursor.MoveNext()) values.Add(read() ?? "");
        return values;
    }

    /// <summary>
    /// A predicted key whose key values are not text (a label of integers or booleans through <c>MapValueToKey</c>)
    /// mapped back to those values, so the predictions read "0", "1", … as the true labels do, not the key numbers 1, 2, ….
    /// </summary>
    private static IDataView WithKeyValuesAsValues(IDataView scored, string name)
    {
        if (scored.Schema.GetColumnOrNull(name) is not { Type: KeyDataViewType } column
            || column.HasKeyValues()
            || column.Annotations.Schema.GetColumnOrNull("KeyValues") is null) return scored;   // ML.NET's annotation kind name
        return new MLContext().Transforms.Conversion.MapKeyToValue(name).Fit(scored).Transform(scored);
    }
}
