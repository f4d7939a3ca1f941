using GanEstimators.Encoding;
using GanEstimators.Native;

namespace GanEstimators.Training;

/// <summary>Checks <see cref="GanTrainer.Options"/> before any data is read, naming the option that is wrong.</summary>
internal static class OptionsValidator
{
    public static void Validate(GanTrainer.Options o)
    {
        if (o.FeatureColumnNames is null || o.FeatureColumnNames.Length == 0)
            throw OptionRuleError.Create(OptionRuleError.NoFeatureColumns, "GanTrainer.Options.FeatureColumnNames must name at least one column to imitate.", nameof(o.FeatureColumnNames));
        if (o.FeatureColumnNames.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("GanTrainer.Options.FeatureColumnNames contains an empty name.", nameof(o.FeatureColumnNames));
        var duplicate = o.FeatureColumnNames.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"GanTrainer.Options.FeatureColumnNames names '{duplicate.Key}' twice.", nameof(o.FeatureColumnNames));
        if (o.ConditionColumnName is not null && o.FeatureColumnNames.Contains(o.ConditionColumnName))
            throw new ArgumentException($"Column '{o.ConditionColumnName}' cannot be both a feature and the condition.", nameof(o.ConditionColumnName));
        if (o.Constraints is null || o.Constraints.Any(c => c is null))
            throw new ArgumentException("GanTrainer.Options.Constraints must be an array of constraints (empty for none), without nulls.", nameof(o.Constraints));
        if (o.Epochs < 0) Fail(nameof(o.Epochs), o.Epochs, "zero (an untrained baseline) or positive");
        Positive(o.BatchSize, nameof(o.BatchSize));
        if (o.NoiseDimension is < 1 or > GanTrainer.Options.MaxNoiseDimension)
            Fail(nameof(o.NoiseDimension), o.NoiseDimension, $"between 1 and {GanTrainer.Options.MaxNoiseDimension}");
        LayerSizes(o.Mlp.GeneratorHiddenSizes, $"{nameof(o.Mlp)}.{nameof(o.Mlp.GeneratorHiddenSizes)}");
        LayerSizes(o.Mlp.DiscriminatorHiddenSizes, $"{nameof(o.Mlp)}.{nameof(o.Mlp.DiscriminatorHiddenSizes)}");
        if (o.LearningRate is { } lr && !(lr > 0 && double.IsFinite(lr))) Fail(nameof(o.LearningRate), lr, "a positive finite number");
        if (o.DiscriminatorLearningRate is { } dlr && !(dlr > 0 && double.IsFinite(dlr))) Fail(nameof(o.DiscriminatorLearningRate), dlr, "a positive finite number");
        if (!Enum.IsDefined(o.LearningRateSchedule)) Fail(nameof(o.LearningRateSchedule), o.LearningRateSchedule, $"one of {string.Join(", ", Enum.GetNames<GanLearningRateSchedule>())}");
        if (o.LearningRateDecayEpochs is { } decay) Positive(decay, nameof(o.LearningRateDecayEpochs));
        if (o.LearningRateScheduleEpochs is { } length) Positive(length, nameof(o.LearningRateScheduleEpochs));
        if (o.LearningRateSchedule == GanLearningRateSchedule.Constant && (o.LearningRateDecayEpochs is not null || o.LearningRateScheduleEpochs is not null))
        {
            var set = o.LearningRateDecayEpochs is not null ? nameof(o.LearningRateDecayEpochs) : nameof(o.LearningRateScheduleEpochs);
            throw OptionRuleError.Create(OptionRuleError.ConstantScheduleDecays,
                $"GanTrainer.Options.{set} is set, but the {nameof(o.LearningRateSchedule)} is {GanLearningRateSchedule.Constant}, which does not decay; set {nameof(o.LearningRateSchedule)} to {nameof(GanLearningRateSchedule.Linear)} or {nameof(GanLearningRateSchedule.Cosine)}, or leave it null.",
                set);
        }
        if (o.LearningRateDecayEpochs is { } decayEpochs && o.LearningRateScheduleEpochs is { } scheduleEpochs && decayEpochs > scheduleEpochs)
            throw LearningRateSchedule.DecayTooLong(decayEpochs, scheduleEpochs);
        if (o.Beta1 is { } b1 && !(b1 >= 0 && b1 < 1)) Fail(nameof(o.Beta1), b1, "in [0, 1)");
        if (o.Beta2 is { } b2 && !(b2 >= 0 && b2 < 1)) Fail(nameof(o.Beta2), b2, "in [0, 1)");
        if (!(o.GeneratorAverageDecay >= 0 && o.GeneratorAverageDecay < 1)) Fail(nameof(o.GeneratorAverageDecay), o.GeneratorAverageDecay, "a decay in [0, 1), e.g. 0.999 (0 is off)");
        var pointMassShare = o.ModeSpecific.PointMassShare;
        if (!(pointMassShare == 0 || pointMassShare >= 0.01 && pointMassShare <= 1)) Fail($"{nameof(o.ModeSpecific)}.{nameof(o.ModeSpecific.PointMassShare)}", pointMassShare, "0 (off) or in [0.01, 1], so a column gets at most 100 point masses");
        if (!(o.FrequencyMatchingWeight >= 0 && double.IsFinite(o.FrequencyMatchingWeight))) Fail(nameof(o.FrequencyMatchingWeight), o.FrequencyMatchingWeight, "0 (off) or a positive finite number, e.g. 1");
        if (o.DiscriminatorSteps is { } steps) Positive(steps, nameof(o.DiscriminatorSteps));
        if (o.WeightClip is { } clip && !(clip > 0)) Fail(nameof(o.WeightClip), clip, "positive");
        if (o.GradientPenaltyWeight is { } gp && !(gp >= 0)) Fail(nameof(o.GradientPenaltyWeight), gp, "zero or positive");
        Positive(o.PacSize, nameof(o.PacSize));
        if (o.NumberOfThreads is { } threads && (threads < 1 || threads > LibTorchThreads.Most))
            Fail(nameof(o.NumberOfThreads), threads, $"between 1 and {LibTorchThreads.Most} ({LibTorchThreads.MostPerProcessor} per processor), or null for the library's choice");
        if (!Enum.IsDefined(o.NonFinitePolicy)) Fail(nameof(o.NonFinitePolicy), o.NonFinitePolicy, "Throw or RestoreLastGood");
        if (o.EarlyStopping is { } stopping)
        {
            if (stopping.EvaluateEveryEpochs <= 0) Fail($"{nameof(o.EarlyStopping)}.{nameof(stopping.EvaluateEveryEpochs)}", stopping.EvaluateEveryEpochs, "positive");
            if (stopping.Patience <= 0) Fail($"{nameof(o.EarlyStopping)}.{nameof(stopping.Patience)}", stopping.Patience, "positive");
            if (!(stopping.HoldoutFraction > 0 && stopping.HoldoutFraction < 0.5)) Fail($"{nameof(o.EarlyStopping)}.{nameof(stopping.HoldoutFraction)}", stopping.HoldoutFraction, "in (0, 0.5)");
            if (!(stopping.MinimumImprovement >= 0 && stopping.MinimumImprovement < 1)) Fail($"{nameof(o.EarlyStopping)}.{nameof(stopping.MinimumImprovement)}", stopping.MinimumImprovement, "in [0, 1)");
        }
        if (o.CategoricalColumnNames is null) throw new ArgumentNullException(nameof(o.CategoricalColumnNames), "GanTrainer.Options.CategoricalColumnNames must be a list (empty for none).");
        if (o.MaxTrainingRows is { } maxRows && maxRows < 1) Fail(nameof(o.MaxTrainingRows), maxRows, "a positive row count, or null to train on every row");
        if (o.MaxTrainingRows > TableSize.MaxRows) Fail(nameof(o.MaxTrainingRows), o.MaxTrainingRows, $"at most {TableSize.MaxRows:N0}, the most rows a training table holds");
        if (o.EncoderFittingRows < 1000) Fail(nameof(o.EncoderFittingRows), o.EncoderFittingRows, "at least 1,000, so the mixtures see enough of each column");
        if (o.MaxCategorySlots < 2) Fail(nameof(o.MaxCategorySlots), o.MaxCategorySlots, "at least 2");
        if (!Enum.IsDefined(o.NumericEncoding)) Fail(nameof(o.NumericEncoding), o.NumericEncoding, "ModeSpecificNormalization or Standardization");
        if (!Enum.IsDefined(o.Architecture)) Fail(nameof(o.Architecture), o.Architecture, $"one of {string.Join(", ", Enum.GetNames<GanArchitecture>())}");
        if (!Enum.IsDefined(o.Loss)) Fail(nameof(o.Loss), o.Loss, $"one of {string.Join(", ", Enum.GetNames<GanLoss>())}");
        ImageOptions(o);
        LossSpecificOptions(o);
        FamilySpecificOptions(o);
    }

    /// <summary>A setting of one loss given under another would be ignored; say so rather than train without it.</summary>
    private static void LossSpecificOptions(GanTrainer.Options o)
    {
        if (o.WeightClip is { } clip && o.Loss != GanLoss.Wasserstein)
            throw new ArgumentException(
                $"GanTrainer.Options.WeightClip is set ({clip}) but Loss is {o.Loss}; weight clipping belongs to Loss = Wasserstein and no other loss uses it. " +
                "Leave WeightClip null, or set Loss = Wasserstein.", nameof(o.WeightClip));
        if (o.GradientPenaltyWeight is { } weight && o.Loss != GanLoss.WassersteinGradientPenalty)
            throw new ArgumentException(
                $"GanTrainer.Options.GradientPenaltyWeight is set ({weight}) but Loss is {o.Loss}; the gradient penalty belongs to Loss = WassersteinGradientPenalty and no other loss uses it. " +
                "Leave GradientPenaltyWeight null, or set Loss = WassersteinGradientPenalty.", nameof(o.GradientPenaltyWeight));
    }

    /// <summary>
    /// Settings of one network family or encoding changed when the options themselves choose another, where they would
    /// be ignored. (With Architecture = Auto the family depends on the data, so only the DCGAN-only rules above apply.)
    /// </summary>
    private static void FamilySpecificOptions(GanTrainer.Options o)
    {
        if (o.Architecture is GanArchitecture.Mlp or GanArchitecture.Residual && o.Image.Changed().ToArray() is { Length: > 0 } image)
            throw new ArgumentException(
                $"GanTrainer.Options.Image is changed ({string.Join(", ", image)}) but Architecture is {o.Architecture}; the image settings apply to Architecture = Dcgan only. " +
                "Leave Options.Image at its defaults, or set Architecture = Dcgan (or Auto for a single pixel vector).", nameof(o.Image));
        if (o.Architecture == GanArchitecture.Dcgan && o.Mlp.Changed().ToArray() is { Length: > 0 } mlp)
            throw new ArgumentException(
                $"GanTrainer.Options.Mlp is changed ({string.Join(", ", mlp)}) but Architecture is Dcgan, whose convolutional networks have no hidden layers to size. " +
                "Leave Options.Mlp at its defaults (size DCGAN with Options.Image.BaseChannels and the depths), or choose Architecture = Mlp or Residual.", nameof(o.Mlp));
        var modeSpecificUnused = o.NumericEncoding != GanNumericEncoding.ModeSpecificNormalization ? $"NumericEncoding is {o.NumericEncoding}"
            : o.Architecture == GanArchitecture.Dcgan ? "Architecture is Dcgan, whose pixels are scaled as a whole"
            : null;
        if (modeSpecificUnused is not null && o.ModeSpecific.Changed().ToArray() is { Length: > 0 } modeSpecific)
            throw new ArgumentException(
                $"GanTrainer.Options.ModeSpecific is changed ({string.Join(", ", modeSpecific)}) but {modeSpecificUnused}; these settings apply to mode-specific normalization only. " +
                "Leave Options.ModeSpecific at its defaults, or set NumericEncoding = ModeSpecificNormalization with a tabular Architecture.", nameof(o.ModeSpecific));
    }

    private static void ImageOptions(GanTrainer.Options o)
    {
        var image = o.Image;
        if (image.BaseChannels is < 2 or > GanTrainer.ImageOptions.MaxBaseChannels)
            Fail("Image.BaseChannels", image.BaseChannels, $"between 2 (the generator's last stage has base/2 channels) and {GanTrainer.ImageOptions.MaxBaseChannels}");
        if (image.GeneratorDepth is < 1 or > GanTrainer.ImageOptions.MaxNetworkDepth) Fail("Image.GeneratorDepth", image.GeneratorDepth, $"between 1 and {GanTrainer.ImageOptions.MaxNetworkDepth} convolutions per resolution");
        if (image.DiscriminatorDepth is < 1 or > GanTrainer.ImageOptions.MaxNetworkDepth) Fail("Image.DiscriminatorDepth", image.DiscriminatorDepth, $"between 1 and {GanTrainer.ImageOptions.MaxNetworkDepth} convolutions per resolution");
        var tabular = o.Architecture is GanArchitecture.Mlp or GanArchitecture.Residual;
        if (image.SpectralNormalization && o.Loss == GanLoss.Wasserstein)
            throw new ArgumentException(
                "GanTrainer.Options.Image.SpectralNormalization cannot be combined with Loss = Wasserstein: its weight clipping already bounds the critic and would fight the normalisation. " +
                "Use WassersteinGradientPenalty, Hinge or NonSaturating with spectral normalisation.", "Image.SpectralNormalization");
        NetworkPlan.SpectralNormalizationNeedsDcgan(o, o.Architecture, $"Architecture is {o.Architecture}");
        if (image.Shape is { } given && tabular)
            throw new ArgumentException($"GanTrainer.Options.Image.Shape is set ({given}) but Architecture is {o.Architecture}; an image shape needs Architecture = Dcgan or Auto.", "Image.Shape");
        var imageNetworksBecause = o.Architecture == GanArchitecture.Dcgan ? "Architecture = Dcgan" : image.Shape is { } set ? $"GanTrainer.Options.Image.Shape is set ({set})" : null;
        if (imageNetworksBecause is not null && o.FeatureColumnNames.Length != 1)
            throw new ArgumentException(
                $"{imageNetworksBecause}, so the image networks need exactly one feature column, a Single vector of pixels; GanTrainer.Options.FeatureColumnNames names {o.FeatureColumnNames.Length}: {string.Join(", ", o.FeatureColumnNames.Select(n => $"'{n}'"))}.",
                nameof(o.FeatureColumnNames));
        if (image.Shape is not { } shape) return;
        if (new Networks.ImageShape(shape.Channels, shape.Height, shape.Width).Unsuitability() is { } problem)
            throw new ArgumentException($"GanTrainer.Options.Image.Shape: {problem}", "Image.Shape");
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0) Fail(name, value, "positive");
    }

    private static void LayerSizes(int[]? sizes, string name)
    {
        if (sizes is null || sizes.Any(s => s <= 0))
            throw new ArgumentOutOfRangeException(name, $"GanTrainer.Options.{name} must be a list of positive layer widths.");
        if (sizes.Length > GanTrainer.MlpOptions.MaxHiddenLayers)
            throw new ArgumentOutOfRangeException(name, sizes.Length, $"GanTrainer.Options.{name} lists {sizes.Length} hidden layers; at most {GanTrainer.MlpOptions.MaxHiddenLayers} are allowed.");
        if (sizes.FirstOrDefault(s => s > GanTrainer.MlpOptions.MaxHiddenLayerWidth) is var tooWide and > 0)
            throw new ArgumentOutOfRangeException(name, tooWide, $"GanTrainer.Options.{name} has a layer {tooWide} wide; layer widths must be at most {GanTrainer.MlpOptions.MaxHiddenLayerWidth}.");
    }

    private static void Fail(string name, object value, string expected) =>
        throw OptionRangeError.Create(name, value, $"GanTrainer.Options.{name} must be {expected}.", expected);
}
