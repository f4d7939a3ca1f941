namespace GanEstimators.Evaluation;

/// <summary>A classifier's quality on the held-out real rows.</summary>
/// <param name="Accuracy">Share of test rows whose class was predicted.</param>
/// <param name="MacroF1">
/// Unweighted mean of per-class F1 over every class that occurs in the test labels or the predictions
/// (scikit-learn's <c>f1_score(average='macro')</c>).
/// </param>
/// <remarks>Both are NaN when the training side has fewer than two classes.</remarks>
public sealed record ClassificationQuality(double Accuracy, double MacroF1)
{
    internal static ClassificationQuality NotMeasurable { get; } = new(double.NaN, double.NaN);
}
