namespace GanEstimators;

/// <summary>The rules a <see cref="GanConstraint"/> can state (SDV's predefined constraints of the same names).</summary>
public enum GanConstraintKind
{
    /// <summary>One numeric column is never below another in the same row (<c>low &lt;= high</c>).</summary>
    Inequality,

    /// <summary>A numeric column stays within fixed bounds (<c>low &lt;= column &lt;= high</c>).</summary>
    ScalarRange,

    /// <summary>Categorical columns only take value combinations seen together in training.</summary>
    FixedCombinations,

    /// <summary>A numeric ID column holds a different value in every generated row.</summary>
    Unique,
}
