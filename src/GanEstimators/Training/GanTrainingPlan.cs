using GanEstimators.Encoding;
using GanEstimators.Losses;
using GanEstimators.Networks;
using Microsoft.ML;

namespace GanEstimators.Training;

/// <summary>
/// Everything a training run decides before it reads a row, resolved once from the options, the input's schema and
/// the sampler to resume (if any): the checked columns, the network family, the loss, the seed and every setting the
/// options leave to the loss's defaults. A resumed plan has passed <see cref="ResumeCompatibility"/>.
/// </summary>
internal sealed record GanTrainingPlan(
    IReadOnlyList<FeatureColumn> Features,
    DataViewSchema.Column? ConditionColumn,
    NetworkPlan Network,
    AdversarialLoss Loss,
    OptimizerSettings Optimizer,
    int CriticSteps,
    int Seed,
    LearningRateSchedule Schedule,
    ResumePoint? Resume)
{
    public bool IsResumed => Resume is not null;

    /// <summary>The plan for <paramref name="options"/> on data with <paramref name="schema"/>, resuming <paramref name="resume"/> when not null; <paramref name="drawSeed"/> gives the seed when neither the resumed run nor the options do.</summary>
    public static GanTrainingPlan Resolve(DataViewSchema schema, GanTrainer.Options options, ResumePoint? resume, Func<int> drawSeed)
    {
        var (features, condition) = TrainingColumns.Resolve(schema, options);
        var loss = AdversarialLossFactory.Create(options.Loss, options.WeightClip, options.GradientPenaltyWeight);
        var network = NetworkPlan.Resolve(features, options, loss.IsCritic);
        if (resume is not null)
        {
            ResumeCompatibility.Check(resume, features, condition, options, network);
            // Auto resolves from the columns, but a resumed run trains the networks it was given.
            network = network with { Architecture = resume.Generator.Spec.Architecture };
        }
        return new GanTrainingPlan(features, condition, network, loss,
            Optimizer: resume?.SavedState.Optimizer.WithRates(options.LearningRate, options.DiscriminatorLearningRate) ?? FreshOptimizer(options, loss.Defaults),
            CriticSteps: options.DiscriminatorSteps ?? loss.Defaults.CriticSteps,
            Seed: resume?.Seed ?? options.Seed ?? drawSeed(),
            LearningRateSchedule.Resolve(options, resume?.History.LastEpoch ?? 0),
            resume);
    }

    private static OptimizerSettings FreshOptimizer(GanTrainer.Options options, OptimizerDefaults defaults)
    {
        var learningRate = options.LearningRate ?? defaults.LearningRate;
        return new OptimizerSettings(
            options.Optimizer ?? defaults.Optimizer,
            learningRate,
            options.Beta1 ?? defaults.Beta1,
            options.Beta2 ?? defaults.Beta2,
            options.DiscriminatorLearningRate ?? learningRate);
    }
}

/// <summary>
/// The parts of a trained sampler that training resumes from. Training never sees the <see cref="GanSampler"/> itself,
/// which sits above it; <c>GanTrainer</c> takes the parts out. Training copies <see cref="Generator"/>
/// (the sampler keeps its own); <see cref="State"/> is null when the sampler kept no training state,
/// which <see cref="ResumeCompatibility"/> refuses.
/// </summary>
internal sealed record ResumePoint(
    TableEncoder Features,
    ConditionEncoder? Condition,
    GeneratorNetwork Generator,
    TrainingState? State,
    GanTrainingHistory History,
    int Seed)
{
    /// <summary>The training state, once <see cref="ResumeCompatibility.Check"/> has made sure there is one.</summary>
    public TrainingState SavedState => State ?? throw new InvalidOperationException("The resumed sampler has no training state; ResumeCompatibility.Check refuses it.");
}
