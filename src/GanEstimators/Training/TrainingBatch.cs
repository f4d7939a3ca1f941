using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>
/// A batch of real rows with the conditions that go with them (label one-hot, then the categorical conditional vector);
/// <c>Classes</c> is the label one-hot alone (null for an unconditional GAN).
/// </summary>
internal sealed record TrainingBatch(Tensor Real, Tensor? Conditions, ConditionTargets? Targets, Tensor? Classes);

/// <summary>
/// The conditions of a generator update, drawn as a <see cref="TrainingBatch"/>'s are; <c>Real</c> holds the real rows
/// that go with them only when the update asked for them (frequency matching), else null: gathering encoded rows is
/// several kernels a step on categorical tables, and nothing else in the generator's update reads them.
/// </summary>
internal sealed record GeneratorBatch(Tensor? Real, Tensor? Conditions, ConditionTargets? Targets, Tensor? Classes);
