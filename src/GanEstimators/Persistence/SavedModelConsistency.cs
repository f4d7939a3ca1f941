using GanEstimators.Conditioning;
using GanEstimators.Encoding;
using GanEstimators.Networks;
using GanEstimators.Serialization;
using GanEstimators.Training;

namespace GanEstimators.Persistence;

/// <summary>
/// Cross-checks the parts of a loaded model against each other before any network is built: the generator's shape must
/// be the one training derives from the encoders and the condition (so an edited width or span cannot pass), and a
/// training state must fit that generator. Each check returns why it failed, or null.
/// </summary>
internal static class SavedModelConsistency
{
    public static string? GeneratorMismatch(TableEncoder features, ConditionEncoder? condition, ConditionalVector categories, GeneratorSpec spec)
    {
        var classCount = condition?.Count ?? 0;
        if (categories.Mismatch(features, classCount) is { } problem) return $"its categorical conditions do not match its columns: {problem}";
        var conditionWidth = (long)classCount + categories.Width;
        if (spec.ConditionWidth != conditionWidth)
            return $"the generator takes {spec.ConditionWidth} condition values; the condition's {classCount} classes and the categorical columns' {categories.Width} slots make {conditionWidth}.";
        if (!spec.Spans.SequenceEqual(features.Spans))
            return $"the generator's {spec.Spans.Count} output spans do not match the {features.Spans.Count} spans of the encoded columns.";
        if (spec.Dcgan is { } dcgan)
        {
            if (features.Columns is not [ImagePixelEncoder pixels] || pixels.RawWidth != dcgan.Image.Size)
                return $"the DCGAN generator draws {dcgan.Image} images ({dcgan.Image.Size} pixels), but the columns are not one pixel vector of that size.";
            return null;
        }
        var mlp = spec.Mlp!;
        if (mlp.InputWidth > ModelLimits.MaxNoiseDimension) return $"the generator's noise dimension is {mlp.InputWidth}; at most {ModelLimits.MaxNoiseDimension} is allowed.";
        if (mlp.OutputWidth != features.EncodedWidth) return $"the generator returns {mlp.OutputWidth} values; the encoded columns take {features.EncodedWidth}.";
        return null;
    }

    public static string? TrainingStateMismatch(TrainingState state, GeneratorSpec generator, int encodedWidth)
    {
        var discriminator = state.DiscriminatorSpec;
        if (discriminator.Dcgan is { } dcgan)
        {
            if (generator.Dcgan is not { } image || dcgan.Image != image.Image || dcgan.ConditionWidth != image.ConditionWidth || dcgan.PacSize != state.PacSize)
                return $"its DCGAN discriminator ({dcgan.Image} images, {dcgan.ConditionWidth} condition values, PacSize {dcgan.PacSize}) does not fit the generator.";
            return null;
        }
        var mlp = discriminator.Mlp!;
        if (generator.Dcgan is not null || mlp.InputWidth != (long)state.PacSize * encodedWidth
            || mlp.ConditionWidth != (long)state.PacSize * generator.ConditionWidth || mlp.OutputWidth != 1)
            return $"its discriminator takes {mlp.InputWidth} values and {mlp.ConditionWidth} condition values; PacSize {state.PacSize} rows of the generator's output take {(long)state.PacSize * encodedWidth} and {(long)state.PacSize * generator.ConditionWidth}.";
        return null;
    }
}
