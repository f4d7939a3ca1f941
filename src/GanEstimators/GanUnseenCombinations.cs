namespace GanEstimators;

/// <summary>
/// What <see cref="GanSampler"/> does with an exact conditional request (two or more columns fixed) whose combination
/// of values never occurred together in the training rows, such as island=Dream with species=Gentoo.
/// </summary>
public enum GanUnseenCombinations
{
    /// <summary>Generate the rows and log a warning naming the combination (default).</summary>
    Warn,

    /// <summary>Throw an <see cref="ArgumentException"/> naming the combination.</summary>
    Refuse,

    /// <summary>Generate the rows without a word.</summary>
    Allow,
}
