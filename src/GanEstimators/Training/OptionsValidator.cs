namespace GanEstimators.Training;

/// <summary>Checks <see cref="GanTrainer.Options"/> before any data is read, naming the option that is wrong.</summary>
internal static class OptionsValidator
{
    public static void Validate(GanTrainer.Options o)
    {
        if (o.FeatureColumnNames is null || o.FeatureColumnNames.Length == 0)
            throw new ArgumentException("GanTrainer.Options.FeatureColumnNames must name at least one column to imitate.", nameof(o.FeatureColumnNames));
        if (o.FeatureColumnNames.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("GanTrainer.Options.FeatureColumnNames contains an empty name.", nameof(o.FeatureColumnNames));
        var duplicate = o.FeatureColumnNames.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"GanTrainer.Options.FeatureColumnNames names '{duplicate.Key}' twice.", nameof(o.FeatureColumnNames));
        if (o.ConditionColumnName is not null && o.FeatureColumnNames.Contains(o.ConditionColumnName))
            throw new ArgumentException($"Column '{o.ConditionColumnName}' cannot be both a feature and the condition.", nameof(o.ConditionColumnName));
        if (o.Epochs < 0) Fail(nameof(o.Epochs), o.Epochs, "zero (an untrained baseline) or positive");
        Positive(o.BatchSize, nameof(o.BatchSize));
        if (o.NoiseDimension is < 1 or > GanTrainer.Options.MaxNoiseDimension)
            Fail(nameof(o.NoiseDimension), o.NoiseDimension, $"between 1 and {GanTrainer.Options.MaxNoiseDimension}");
        LayerSizes(o.GeneratorHiddenSizes, nameof(o.GeneratorHiddenSizes));
        LayerSizes(o.DiscriminatorHiddenSizes, nameof(o.DiscriminatorHiddenSizes));
        if (o.LearningRate is { } lr && !(lr > 0 && double.IsFinite(lr))) Fail(nameof(o.LearningRate), lr, "a positive finite number");
        if (o.DiscriminatorLearningRate is { } dlr && !(dlr > 0 && double.IsFinite(dlr))) Fail(nameof(o.DiscriminatorLearningRate), dlr, "a positive finite number");
        if (o.Beta1 is { } b1 && !(b1 >= 0 && b1 < 1)) Fail(nameof(o.Beta1), b1, "in [0, 1)");
        if (o.Beta2 is { } b2 && !(b2 >= 0 && b2 < 1)) Fail(nameof(o.Beta2), b2, "in [0, 1)");
        if (!(o.GeneratorAverageDecay >= 0 && o.GeneratorAverageDecay < 1)) Fail(nameof(o.GeneratorAverageDecay), o.GeneratorAverageDecay, "a decay in [0, 1), e.g. 0.999 (0 is off)");
        if (!(o.PointMassShare == 0 || o.PointMassShare >= 0.01 && o.PointMassShare <= 1)) Fail(nameof(o.PointMassShare), o.PointMassShare, "0 (off) or in [0.01, 1], so a column gets at most 100 point masses");
        if (!(o.FrequencyMatchingWeight >= 0 && double.IsFinite(o.FrequencyMatchingWeight))) Fail(nameof(o.FrequencyMatchingWeight), o.FrequencyMatchingWeight, "0 (off) or a positive finite number, e.g. 1");
        if (o.CriticSteps is { } steps) Positive(steps, nameof(o.CriticSteps));
        if (o.WeightClip is { } clip && !(clip > 0)) Fail(nameof(o.WeightClip), clip, "positive");
        if (o.GradientPenaltyWeight is { } gp && !(gp >= 0)) Fail(nameof(o.GradientPenaltyWeight), gp, "zero or positive");
        Positive(o.PacSize, nameof(o.PacSize));
        if (!Enum.IsDefined(o.NonFinitePolicy)) Fail(nameof(o.NonFinitePolicy), o.NonFinitePolicy, "Throw or RestoreLastGood");
        if (o.EarlyStopping is { } stopping)
        {
            if (stopping.EvaluateEveryEpochs <= 0) Fail($"{nameof(o.EarlyStopping)}.{nameof(stopping.EvaluateEveryEpochs)}", stopping.EvaluateEveryEpochs, "positive");
            if (stopping.Patience <= 0) Fail($"{nameof(o.EarlyStopping)}.{nameof(stopping.Patience)}", stopping.Patience, "positive");
            if (!(stopping.HoldoutFraction > 0 && stopping.HoldoutFraction < 0.5)) Fail($"{nameof(o.EarlyStopping)}.{nameof(stopping.HoldoutFraction)}", stopping.HoldoutFraction, "in (0, 0.5)");
            if (!(stopping.MinimumImprovement >= 0 && stopping.MinimumImprovement < 1)) Fail($"{nameof(o.EarlyStopping)}.{nameof(stopping.MinimumImprovement)}", stopping.MinimumImprovement, "in [0, 1)");
        }
        if (o.CategoricalColumnNames is null) throw new ArgumentNullException(nameof(o.CategoricalColumnNames), "GanTrainer.Options.CategoricalColumnNames must be a list (empty for none).");
        if (o.MaxCategorySlots < 2) Fail(nameof(o.MaxCategorySlots), o.MaxCategorySlots, "at least 2");
        if (!Enum.IsDefined(o.NumericEncoding)) Fail(nameof(o.NumericEncoding), o.NumericEncoding, "ModeSpecificNormalization or Standardization");
        if (!Enum.IsDefined(o.Architecture)) Fail(nameof(o.Architecture), o.Architecture, $"one of {string.Join(", ", Enum.GetNames<GanArchitecture>())}");
        if (!Enum.IsDefined(o.Loss)) Fail(nameof(o.Loss), o.Loss, $"one of {string.Join(", ", Enum.GetNames<GanLoss>())}");
        ImageOptions(o);
    }

    private static void ImageOptions(GanTrainer.Options o)
    {
        if (o.ImageBaseChannels is < 2 or > GanTrainer.Options.MaxImageBaseChannels)
            Fail(nameof(o.ImageBaseChannels), o.ImageBaseChannels, $"between 2 (the generator's last stage has base/2 channels) and {GanTrainer.Options.MaxImageBaseChannels}");
        if (o.ImageGeneratorDepth is < 1 or > GanTrainer.Options.MaxImageNetworkDepth) Fail(nameof(o.ImageGeneratorDepth), o.ImageGeneratorDepth, $"between 1 and {GanTrainer.Options.MaxImageNetworkDepth} convolutions per resolution");
        if (o.ImageDiscriminatorDepth is < 1 or > GanTrainer.Options.MaxImageNetworkDepth) Fail(nameof(o.ImageDiscriminatorDepth), o.ImageDiscriminatorDepth, $"between 1 and {GanTrainer.Options.MaxImageNetworkDepth} convolutions per resolution");
        var tabular = o.Architecture is GanArchitecture.Mlp or GanArchitecture.Residual;
        if (o.SpectralNormalization && o.Loss == GanLoss.Wasserstein)
            throw new ArgumentException(
                "GanTrainer.Options.SpectralNormalization cannot be combined with Loss = Wasserstein: its weight clipping already bounds the critic and would fight the normalisation. " +
                "Use WassersteinGradientPenalty, Hinge or NonSaturating with spectral normalisation.", nameof(o.SpectralNormalization));
        NetworkPlan.SpectralNormalizationNeedsDcgan(o, o.Architecture, $"Architecture is {o.Architecture}");
        if (o.Architecture == GanArchitecture.Dcgan && o.FeatureColumnNames.Length != 1)
            throw new ArgumentException(
                $"Architecture = Dcgan needs exactly one feature column, a Single vector of pixels; GanTrainer.Options.FeatureColumnNames names {o.FeatureColumnNames.Length}: {string.Join(", ", o.FeatureColumnNames.Select(n => $"'{n}'"))}.",
                nameof(o.FeatureColumnNames));
        if (o.ImageShape is not { } shape) return;
        if (tabular)
            throw new ArgumentException($"GanTrainer.Options.ImageShape is set ({shape}) but Architecture is {o.Architecture}; an image shape needs Architecture = Dcgan or Auto.", nameof(o.ImageShape));
        if (o.FeatureColumnNames.Length != 1)
            throw new ArgumentException(
                $"GanTrainer.Options.ImageShape is set ({shape}), so FeatureColumnNames must name exactly one column, the pixel vector; it names {o.FeatureColumnNames.Length}: {string.Join(", ", o.FeatureColumnNames.Select(n => $"'{n}'"))}.",
                nameof(o.FeatureColumnNames));
        if (new Networks.ImageShape(shape.Channels, shape.Height, shape.Width).Unsuitability() is { } problem)
            throw new ArgumentException($"GanTrainer.Options.ImageShape: {problem}", nameof(o.ImageShape));
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0) Fail(name, value, "positive");
    }

    private static void LayerSizes(int[]? sizes, string name)
    {
        if (sizes is null || sizes.Any(s => s <= 0))
            throw new ArgumentOutOfRangeException(name, $"GanTrainer.Options.{name} must be a list of positive layer widths.");
        if (sizes.Length > GanTrainer.Options.MaxHiddenLayers)
            throw new ArgumentOutOfRangeException(name, sizes.Length, $"GanTrainer.Options.{name} lists {sizes.Length} hidden layers; at most {GanTrainer.Options.MaxHiddenLayers} are allowed.");
        if (sizes.FirstOrDefault(s => s > GanTrainer.Options.MaxHiddenLayerWidth) is var tooWide and > 0)
            throw new ArgumentOutOfRangeException(name, tooWide, $"GanTrainer.Options.{name} has a layer {tooWide} wide; layer widths must be at most {GanTrainer.Options.MaxHiddenLayerWidth}.");
    }

    private static void Fail(string name, object value, string expected) =>
        throw OptionRangeError.Create(name, value, $"GanTrainer.Options.{name} must be {expected}.", expected);
}
