namespace GanEstimators.Evaluation.Augmentation;

/// <summary>Checks <see cref="AugmentationEvaluationOptions"/> before any data is read, naming the option that is wrong.</summary>
internal static class AugmentationEvaluationValidator
{
    public static void Validate(AugmentationEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string type = nameof(AugmentationEvaluationOptions);
        if (string.IsNullOrWhiteSpace(options.LabelColumnName))
            throw new ArgumentException($"{type}.{nameof(options.LabelColumnName)} is empty; name the class column.", nameof(options.LabelColumnName));
        if (string.IsNullOrWhiteSpace(options.PredictedLabelColumnName))
            throw new ArgumentException($"{type}.{nameof(options.PredictedLabelColumnName)} is empty; name the column the estimator predicts into (usually PredictedLabel).", nameof(options.PredictedLabelColumnName));
        if (options.GanOptions is null)
            throw new ArgumentNullException(nameof(options.GanOptions), $"{type}.{nameof(options.GanOptions)} must be set (new GanTrainer.Options() for the defaults).");
        if (options.GanOptions.ConditionColumnName is { } condition && condition != options.LabelColumnName)
            throw new ArgumentException(
                $"{type}.{nameof(options.GanOptions)}.ConditionColumnName is '{condition}', but the GAN must be conditioned on the label '{options.LabelColumnName}' to make rows of a chosen class; leave it null.",
                nameof(options.GanOptions));
        if (options.NumberOfFolds < 2)
            throw OutOfRange(nameof(options.NumberOfFolds), options.NumberOfFolds, "at least 2");
        if (options.NumberOfRepeats < 1)
            throw OutOfRange(nameof(options.NumberOfRepeats), options.NumberOfRepeats, "at least 1");
        if (options.Ratios is null || options.Ratios.Length == 0)
            throw new ArgumentException($"{type}.{nameof(options.Ratios)} is empty; give at least one ratio, e.g. 0.5.", nameof(options.Ratios));
        var most = options.Sizing == AugmentationSizing.BalanceClasses ? "in (0, 1] with BalanceClasses (the share of the largest class each class is brought up to)" : "positive with ShareOfRows (the share of the training rows added)";
        foreach (var ratio in options.Ratios)
            if (!(ratio > 0 && double.IsFinite(ratio)) || (options.Sizing == AugmentationSizing.BalanceClasses && ratio > 1))
                throw OutOfRange(nameof(options.Ratios), ratio, most);
        if (options.Ratios.Distinct().Count() != options.Ratios.Length)
            throw new ArgumentException($"{type}.{nameof(options.Ratios)} names a ratio twice.", nameof(options.Ratios));
        if (!Enum.IsDefined(options.Sizing)) throw OutOfRange(nameof(options.Sizing), options.Sizing, "BalanceClasses or ShareOfRows");
        if (!Enum.IsDefined(options.Metric)) throw OutOfRange(nameof(options.Metric), options.Metric, "MacroF1 or MinorityClassRecall");
        if (options.SmoteNeighbors < 1) throw OutOfRange(nameof(options.SmoteNeighbors), options.SmoteNeighbors, "at least 1");
    }

    /// <summary>The estimators of the joint form: at least one, each named once, the class-weighted form given with each, not in the options.</summary>
    public static void Validate(IReadOnlyList<AugmentationDownstream> downstreams, AugmentationEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(downstreams);
        if (downstreams.Count == 0)
            throw new ArgumentException("Give at least one downstream estimator to evaluate.", nameof(downstreams));
        for (var i = 0; i < downstreams.Count; i++)
        {
            var downstream = downstreams[i] ?? throw new ArgumentException($"Downstream estimator {i} is null.", nameof(downstreams));
            if (string.IsNullOrWhiteSpace(downstream.Name))
                throw new ArgumentException($"Downstream estimator {i} has an empty {nameof(AugmentationDownstream.Name)}; name each one (e.g. \"linear\", \"trees\").", nameof(downstreams));
            if (downstream.Estimator is null)
                throw new ArgumentException($"Downstream estimator '{downstream.Name}' has a null {nameof(AugmentationDownstream.Estimator)}.", nameof(downstreams));
        }
        if (downstreams.GroupBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"Two downstream estimators are named '{twice.Key}'; each needs its own name.", nameof(downstreams));
        if (options.ClassWeightedEstimator is not null)
            throw new ArgumentException(
                $"{nameof(AugmentationEvaluationOptions)}.{nameof(AugmentationEvaluationOptions.ClassWeightedEstimator)} is set, but with several estimators each carries its own: set {nameof(AugmentationDownstream)}.{nameof(AugmentationDownstream.ClassWeightedEstimator)} instead and leave the option null.",
                nameof(AugmentationEvaluationOptions.ClassWeightedEstimator));
    }

    private static ArgumentOutOfRangeException OutOfRange(string option, object? value, string expected) =>
        OptionRangeError.Create(option, value, $"{nameof(AugmentationEvaluationOptions)}.{option} must be {expected}.", expected);
}
