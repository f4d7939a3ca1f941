namespace GanEstimators.Evaluation.Augmentation;

/// <summary>One method against a baseline over the same folds: the mean fold-by-fold difference and a paired t-test.</summary>
/// <param name="MeanDifference">Mean over folds of (method − baseline); positive when the method scores higher.</param>
/// <param name="TStatistic">The paired t statistic (±∞ when every fold differs by the same amount, 0 when by none).</param>
/// <param name="PValue">Two-sided p-value of the paired t-test with k − 1 degrees of freedom; optimistic, since folds share training rows.</param>
public sealed record PairedComparison(double MeanDifference, double TStatistic, double PValue);
