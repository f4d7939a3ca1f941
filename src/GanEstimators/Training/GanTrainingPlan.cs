using GanEstimators.Encoding;
using GanEstimators.Losses;
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
    ResumePoint? Resume)
{
    public bool IsResumed => Resume is not null;

    /// <summary>The plan for <paramref name="options"/> on data with <paramref name="schema"/>, resuming <paramref name="resumeFrom"/> when not null; <paramref name="drawSeed"/> gives the seed when neither the sampler nor the options do.</summary>
    public static GanTrainingPlan Resolve(DataViewSchema schema, GanTrainer.Options options, GanSampler? resumeFrom, Func<int> drawSeed)
    {
        var (features, condition) = TrainingColumns.Resolve(schema, options);
        var loss = AdversarialLossFactory.Create(options.Loss, options.WeightClip, options.GradientPenaltyWeight);
        var network = NetworkPlan.Resolve(features, options, loss.IsCritic);
        ResumePoint? resume = null;
        if (resumeFrom is not null)
        {
            ResumeCompatibility.Check(resumeFrom, features, condition, options, network);
            resume = new ResumePoint(resumeFrom, resumeFrom.TrainingState!);
        }
        return new GanTrainingPlan(features, condition, network, loss,
            Optimizer: resume?.State.Optimizer.WithRates(options.LearningRate, options.DiscriminatorLearningRate) ?? FreshOptimizer(options, loss.Defaults),
            CriticSteps: options.CriticSteps ?? loss.Defaults.CriticSteps,
            Seed: resume?.Sampler.Seed ?? options.Seed ?? drawSeed(),
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

/// <summary>The sampler a run resumes from, with the training state it was saved with.</summary>
internal sealed record ResumePoint(GanSampler Sampler, TrainingState State);
