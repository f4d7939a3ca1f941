namespace GanEstimators;

/// <summary>
/// How <see cref="GanSampler"/> picks the mixture mode of each mode-specific numeric column in a generated row (the
/// one-hot part of CTGAN's mode-specific normalisation; the scalar within the mode is unaffected). Categories are
/// always drawn from the generator's probabilities.
/// </summary>
public enum GanModeChoice
{
    /// <summary>
    /// Drawn from the generator's mode probabilities for the row's noise, each column on its own (CTGAN's way, and what
    /// the generator is trained with). Where the probabilities are not yet sharp, two columns' draws can combine modes
    /// that never occur together.
    /// </summary>
    Drawn,

    /// <summary>
    /// The generator's most likely mode for the row's noise: the noise alone decides, so the modes of correlated columns
    /// move together. On the mode-collapse lab's ring this removed most points between the real modes; on real tables,
    /// whose generators leave the rarer modes to the draw, it narrowed the numeric columns' shapes (BENCHMARKS.md).
    /// </summary>
    MostLikely,
}
