namespace GanEstimators.Evaluation.Augmentation;

/// <summary>
/// One method against a baseline over the same fold scores (k folds × r repeats, J = k·r paired differences): the mean
/// difference and two t-tests of it. <see cref="CorrectedPValue"/> is the one to read; <see cref="PValue"/> is kept
/// because earlier tables report it (with one repeat it is exactly the value they printed).
/// </summary>
/// <param name="MeanDifference">Mean over the J fold scores of (method − baseline); positive when the method scores higher.</param>
/// <param name="TStatistic">The plain paired t statistic, mean / (sd / √J) (±∞ when every fold differs by the same amount, 0 when by none).</param>
/// <param name="PValue">
/// Two-sided p-value of the plain paired t-test with J − 1 degrees of freedom, as if the J differences were independent.
/// Optimistic: the folds share training rows (and repeats share all rows), so it is too small, the more so the more repeats.
/// </param>
/// <param name="CorrectedTStatistic">
/// The corrected resampled t statistic (Nadeau and Bengio 2003; for repeated k-fold, Bouckaert and Frank 2004):
/// mean / √((1/J + n_test/n_train) · var), var the sample variance of the J differences, n_test/n_train the held-out
/// rows over the real training rows of a fold (1/(k − 1) for k-fold).
/// </param>
/// <param name="CorrectedPValue">
/// Two-sided p-value of <see cref="CorrectedTStatistic"/> with J − 1 degrees of freedom: the honest one, never below
/// <see cref="PValue"/>. The verdicts and the recommendation of <see cref="AugmentationEvaluationResult"/> use it.
/// </param>
public sealed record PairedComparison(double MeanDifference, double TStatistic, double PValue, double CorrectedTStatistic, double CorrectedPValue);
