namespace GanEstimators;

/// <summary>How numeric and date scalar columns are presented to the networks.</summary>
public enum GanNumericEncoding
{
    /// <summary>
    /// CTGAN's mode-specific normalisation: a variational Gaussian mixture per column; each value becomes its mode
    /// (one-hot) and its offset within the mode. Handles multi-modal and skewed columns and missing values (as a mode
    /// of their own). The default.
    /// </summary>
    ModeSpecificNormalization,

    /// <summary>Zero mean, unit variance. Simpler and smaller; missing values are rejected. Vectors always use it.</summary>
    Standardization,
}
