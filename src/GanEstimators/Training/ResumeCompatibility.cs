using GanEstimators.Encoding;
using GanEstimators.Networks;
using Microsoft.ML;

namespace GanEstimators.Training;

/// <summary>Checks that a sampler can be resumed on this data with these options, and says what differs when not.</summary>
internal static class ResumeCompatibility
{
    public static void Check(ResumePoint sampler, IReadOnlyList<FeatureColumn> features, DataViewSchema.Column? condition, GanTrainer.Options options, NetworkPlan plan)
    {
        var state = sampler.State
            ?? throw new ArgumentException("This sampler has no training state to resume from: it was trained with Options.KeepTrainingState = false.", "resumeFrom");
        var saved = sampler.Features.Columns;
        if (saved.Count != features.Count || saved.Zip(features).Any(p => p.First.Name != p.Second.Name || !p.First.Type.Equals(p.Second.Type)))
            throw new ArgumentException(
                $"Cannot resume: the sampler was trained on feature columns {Describe(saved.Select(c => (c.Name, c.Type)))}, these options name {Describe(features.Select(f => (f.Name, f.Type)))}.", "resumeFrom");
        if (sampler.Condition?.ColumnName != condition?.Name)
            throw new ArgumentException($"Cannot resume: the sampler's condition column is '{sampler.Condition?.ColumnName ?? "(none)"}', the options say '{condition?.Name ?? "(none)"}'.", "resumeFrom");
        if (sampler.Condition is { } trained && condition is { } given && !SameConditionType(trained.Type, given.Type))
            throw new ArgumentException(
                $"Cannot resume: condition column '{given.Name}' was {trained.Type} in training and is {given.Type} in this data; load it as {trained.Type}, as it was loaded for training.", "resumeFrom");
        if (state.PacSize != options.PacSize)
            throw new ArgumentException($"Cannot resume: the sampler was trained with PacSize {state.PacSize}, the options say {options.PacSize}.", "resumeFrom");
        CheckOptimizer(state.Optimizer, options);
        var generator = sampler.Generator.Spec;
        if (options.Architecture != GanArchitecture.Auto && options.Architecture != generator.Architecture)
            throw new ArgumentException($"Cannot resume: the sampler has {generator.Architecture} networks, Options.Architecture says {options.Architecture} (leave it Auto to keep the sampler's).", "resumeFrom");
        if ((generator.Architecture == GanArchitecture.Dcgan) != (plan.Architecture == GanArchitecture.Dcgan))
            throw new ArgumentException($"Cannot resume: the sampler has {generator.Architecture} networks, these options and columns resolve to {plan.Architecture}.", "resumeFrom");
        if (generator.Dcgan is { } image) CheckImageNetworks(image, state.DiscriminatorSpec.Dcgan!, options, plan);
        else if (generator.Mlp!.InputWidth != options.NoiseDimension || !generator.Mlp.HiddenSizes.SequenceEqual(options.Mlp.GeneratorHiddenSizes) || !state.DiscriminatorSpec.Mlp!.HiddenSizes.SequenceEqual(options.Mlp.DiscriminatorHiddenSizes))
            throw new ArgumentException("Cannot resume: NoiseDimension, Mlp.GeneratorHiddenSizes and Mlp.DiscriminatorHiddenSizes must match the sampler's networks.", "resumeFrom");
    }

    // The optimiser's saved moments belong to its family and betas, so only the learning rates may change on resume.
    private static void CheckOptimizer(OptimizerSettings saved, GanTrainer.Options options)
    {
        if (options.Optimizer is { } optimizer && optimizer != saved.Optimizer)
            throw new ArgumentException($"Cannot resume: the sampler was trained with Optimizer {saved.Optimizer}, the options say {optimizer} (leave Optimizer null to keep the sampler's).", "resumeFrom");
        if (options.Beta1 is { } beta1 && beta1 != saved.Beta1)
            throw new ArgumentException(FormattableString.Invariant($"Cannot resume: the sampler was trained with Beta1 {saved.Beta1}, the options say {beta1} (leave Beta1 null to keep the sampler's)."), "resumeFrom");
        if (options.Beta2 is { } beta2 && beta2 != saved.Beta2)
            throw new ArgumentException(FormattableString.Invariant($"Cannot resume: the sampler was trained with Beta2 {saved.Beta2}, the options say {beta2} (leave Beta2 null to keep the sampler's)."), "resumeFrom");
    }

    private static void CheckImageNetworks(DcganGeneratorSpec generator, DcganDiscriminatorSpec discriminator, GanTrainer.Options options, NetworkPlan plan)
    {
        if (generator.Image != plan.Image)
            throw new ArgumentException($"Cannot resume: the sampler draws {generator.Image} images, these options and columns give {plan.Image}.", "resumeFrom");
        if (generator.NoiseWidth != options.NoiseDimension || generator.BaseChannels != options.Image.BaseChannels || discriminator.BaseChannels != options.Image.BaseChannels)
            throw new ArgumentException(
                $"Cannot resume: NoiseDimension ({options.NoiseDimension}) and Image.BaseChannels ({options.Image.BaseChannels}) must match the sampler's networks ({generator.NoiseWidth} and {generator.BaseChannels}).", "resumeFrom");
        if (generator.Depth != options.Image.GeneratorDepth || discriminator.Depth != options.Image.DiscriminatorDepth)
            throw new ArgumentException(
                $"Cannot resume: Image.GeneratorDepth ({options.Image.GeneratorDepth}) and Image.DiscriminatorDepth ({options.Image.DiscriminatorDepth}) must match the sampler's networks ({generator.Depth} and {discriminator.Depth}).", "resumeFrom");
        if (discriminator.Normalisation != plan.Normalisation)
            throw new ArgumentException(
                $"Cannot resume: the sampler's discriminator uses {discriminator.Normalisation} normalisation; Loss = {options.Loss} with Image.SpectralNormalization = {options.Image.SpectralNormalization} gives {plan.Normalisation}.", "resumeFrom");
    }

    // Conditions are matched by their text form, so a key column may have other key values; a Text class never equals an Int32 one.
    private static bool SameConditionType(Microsoft.ML.Data.DataViewType trained, Microsoft.ML.Data.DataViewType given) =>
        trained.RawType == given.RawType && trained is Microsoft.ML.Data.KeyDataViewType == given is Microsoft.ML.Data.KeyDataViewType;

    private static string Describe(IEnumerable<(string Name, Microsoft.ML.Data.DataViewType Type)> columns) =>
        string.Join(", ", columns.Select(c => $"'{c.Name}' ({c.Type})"));
}
