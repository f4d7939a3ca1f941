namespace GanEstimators.Evaluation;

/// <summary>How closely one synthetic column's distribution matches the real column's.</summary>
/// <param name="Name">The column.</param>
/// <param name="Kind">How it was compared.</param>
/// <param name="Score">
/// 1 − the two-sample Kolmogorov–Smirnov statistic (numeric) or 1 − the total-variation distance between category
/// frequencies (categorical), missing values left out; 0 when the synthetic column has no values. 1 is a perfect match.
/// </param>
public sealed record ColumnShapeScore(string Name, TabularColumnKind Kind, double Score);
