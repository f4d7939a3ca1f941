namespace GanEstimators.Evaluation;

/// <summary>How well the relationship between two columns of the same kind survives in the synthetic data.</summary>
/// <param name="FirstColumn">The earlier of the two columns, in column order.</param>
/// <param name="SecondColumn">The later of the two columns.</param>
/// <param name="Kind">Both columns' kind: numeric pairs compare correlations, categorical pairs joint frequencies.</param>
/// <param name="RealCorrelation">Pearson correlation in the real data (numeric pairs; an undefined one counts as 0); NaN for categorical pairs.</param>
/// <param name="SyntheticCorrelation">Pearson correlation in the synthetic data (numeric pairs); NaN for categorical pairs.</param>
/// <param name="Score">
/// 1 − |real correlation − synthetic correlation| / 2 (numeric), 1 − the total-variation distance between the joint
/// category frequencies (categorical). 1 is a perfect match.
/// </param>
public sealed record PairTrendScore(string FirstColumn, string SecondColumn, TabularColumnKind Kind, double RealCorrelation, double SyntheticCorrelation, double Score);
