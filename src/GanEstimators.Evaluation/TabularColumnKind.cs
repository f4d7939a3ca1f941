namespace GanEstimators.Evaluation;

/// <summary>How <see cref="GanCatalogEvaluationExtensions.Evaluate"/> compares a column.</summary>
public enum TabularColumnKind
{
    /// <summary>Numbers of any ML.NET number type, and dates (as fractional days since 1970-01-01): compared by the Kolmogorov–Smirnov statistic and Pearson correlation.</summary>
    Numeric,

    /// <summary>Text, Boolean and key columns (keys by their key-value text when present): compared by category frequencies.</summary>
    Categorical,
}
