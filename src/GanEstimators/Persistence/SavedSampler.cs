using GanEstimators.Sampling;
using GanEstimators.Training;

namespace GanEstimators.Persistence;

/// <summary>What a saved model holds: the parts a <see cref="GanSampler"/> is made of.</summary>
internal sealed record SavedSampler(SyntheticRowGenerator Generator, int Seed, GanTrainingHistory History, TrainingState? TrainingState);
