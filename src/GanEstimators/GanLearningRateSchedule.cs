namespace GanEstimators;

/// <summary>
/// How both optimisers' learning rates change from epoch to epoch (<see cref="GanTrainer.Options.LearningRateSchedule"/>).
/// Each network's rate is its base rate (<see cref="GanTrainer.Options.LearningRate"/>,
/// <see cref="GanTrainer.Options.DiscriminatorLearningRate"/>, or the loss's default) times a factor that depends only on
/// the epoch's number and the options, so a resumed run continues the schedule exactly when
/// <see cref="GanTrainer.Options.LearningRateScheduleEpochs"/> gives the schedule's end (otherwise each run's schedule
/// ends at its own last epoch).
/// </summary>
public enum GanLearningRateSchedule
{
    /// <summary>The base rates in every epoch (the default).</summary>
    Constant,

    /// <summary>
    /// The base rates until the last <see cref="GanTrainer.Options.LearningRateDecayEpochs"/> epochs, then a straight
    /// line towards zero: in the k-th of D decaying epochs the factor is 1 − k / (D + 1), so the last epoch still learns
    /// (at 1 / (D + 1) of the base rate).
    /// </summary>
    Linear,

    /// <summary>
    /// As <see cref="Linear"/>, but along half a cosine: in the k-th of D decaying epochs the factor is
    /// (1 + cos(π k / (D + 1))) / 2, slow to fall at first and near zero at the end.
    /// </summary>
    Cosine,
}
