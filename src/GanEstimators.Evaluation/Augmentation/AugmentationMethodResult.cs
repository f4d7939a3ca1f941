namespace GanEstimators.Evaluation.Augmentation;

/// <summary>
/// One training set's scores over the folds: k per repeat, repeat after repeat (fold score i belongs to repeat
/// <see cref="FoldRepeats"/>[i] and was scored on <see cref="AugmentationEvaluationResult.FoldTestRows"/>[i]).
/// </summary>
/// <param name="Method">How the training set was made.</param>
/// <param name="Ratio">The ratio of <see cref="AugmentationEvaluationOptions.Ratios"/>; 0 for <see cref="AugmentationMethod.RealOnly"/> and <see cref="AugmentationMethod.ClassWeights"/>.</param>
/// <param name="FoldScores">The metric on each fold's held-out rows, in fold order, the k folds of the first repeat first.</param>
/// <param name="AddedRows">Rows added to each fold's training rows, in the order of <paramref name="FoldScores"/>.</param>
/// <param name="AgainstRealOnly">Paired against real only over all fold scores; null for real only itself.</param>
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

    /// <summary>
    /// The repeat (from 0, <see cref="AugmentationEvaluationOptions.NumberOfRepeats"/>) of each of <see cref="FoldScores"/>,
    /// in the same order; all 0 with one repeat (or when not set).
    /// </summary>
    public IReadOnlyList<int> FoldRepeats
    {
        get => _foldRepeats ?? new int[FoldScores.Count];
        init => _foldRepeats = value;
    }

    private readonly IReadOnlyList<int>? _foldRepeats;

    /// <summary>The fold scores of one repeat (from 0), in fold order.</summary>
    public IReadOnlyList<double> ScoresOfRepeat(int repeat)
    {
        var repeats = FoldRepeats;
        return FoldScores.Where((_, i) => repeats[i] == repeat).ToArray();
    }

    /// <summary>Mean of <see cref="FoldScores"/> (all repeats).</summary>
    public double Mean => FoldScores.Average();

    /// <summary>Sample standard deviation (n − 1) of <see cref="FoldScores"/> (all repeats).</summary>
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
