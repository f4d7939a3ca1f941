namespace GanEstimators.Evaluation.Augmentation;

/// <summary>One training set's scores over the folds.</summary>
/// <param name="Method">How the training set was made.</param>
/// <param name="Ratio">The ratio of <see cref="AugmentationEvaluationOptions.Ratios"/>; 0 for <see cref="AugmentationMethod.RealOnly"/> and <see cref="AugmentationMethod.ClassWeights"/>.</param>
/// <param name="FoldScores">The metric on each fold's held-out rows, in fold order.</param>
/// <param name="AddedRows">Rows added to each fold's training rows, in fold order.</param>
/// <param name="AgainstRealOnly">Paired against real only; null for real only itself.</param>
/// <param name="AgainstOversampling">Paired against random oversampling at the same ratio; null for real only, class weights and oversampling.</param>
public sealed record AugmentationMethodResult(
    AugmentationMethod Method,
    double Ratio,
    IReadOnlyList<double> FoldScores,
    IReadOnlyList<int> AddedRows,
    PairedComparison? AgainstRealOnly,
    PairedComparison? AgainstOversampling)
{
    /// <summary>
    /// Paired against <see cref="AugmentationMethod.ClassWeights"/>; set on the oversampling, SMOTE and GAN rows when the
    /// class-weights baseline ran (<see cref="AugmentationEvaluationOptions.ClassWeightedEstimator"/>), null otherwise.
    /// </summary>
    public PairedComparison? AgainstClassWeights { get; init; }

    /// <summary>Mean of <see cref="FoldScores"/>.</summary>
    public double Mean => FoldScores.Average();

    /// <summary>Sample standard deviation (n − 1) of <see cref="FoldScores"/>.</summary>
    public double StandardDeviation => FoldScores.Count < 2 ? 0
        : Math.Sqrt(FoldScores.Sum(s => (s - Mean) * (s - Mean)) / (FoldScores.Count - 1));

    /// <summary>A short name: "real only", "class weights", "oversampling", "SMOTE" or "GAN".</summary>
    public string Name => Method switch
    {
        AugmentationMethod.RealOnly => "real only",
        AugmentationMethod.ClassWeights => "class weights",
        AugmentationMethod.RandomOversampling => "oversampling",
        AugmentationMethod.Smote => "SMOTE",
        _ => "GAN",
    };
}
