namespace GanEstimators;

/// <summary>What training does when a loss turns NaN or infinite.</summary>
public enum GanNonFinitePolicy
{
    /// <summary>Throw an <see cref="InvalidOperationException"/> naming the epoch.</summary>
    Throw,
    /// <summary>Stop, put back the networks of the last epoch whose losses were finite, and record a diagnosis.</summary>
    RestoreLastGood,
}

/// <summary>
/// Early stopping on a quality signal that needs no labels: every <see cref="EvaluateEveryEpochs"/> epochs, the energy
/// distance (in the encoded feature space) between held-out real rows and as many generated rows with the same
/// conditions. Training stops after <see cref="Patience"/> evaluations without improvement; the best generator is kept.
/// </summary>
public sealed class GanEarlyStopping
{
    /// <summary>Epochs between quality evaluations. Default 5.</summary>
    public int EvaluateEveryEpochs { get; set; } = 5;

    /// <summary>Evaluations without improvement before stopping. Default 6.</summary>
    public int Patience { get; set; } = 6;

    /// <summary>Share of rows held out from training to measure quality (at least 50 and at most 2,000 rows). Default 0.1.</summary>
    public double HoldoutFraction { get; set; } = 0.1;

    /// <summary>Relative improvement that counts as better (0.01 = 1 %). Default 0.01.</summary>
    public double MinimumImprovement { get; set; } = 0.01;
}
