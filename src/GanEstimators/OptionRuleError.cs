namespace GanEstimators;

/// <summary>
/// A rule between options broken, as the option validators throw it: an <see cref="ArgumentException"/> whose
/// <see cref="Exception.Data"/> names the rule, so the command line can say it in terms of its own flags instead of
/// checking it a second time.
/// </summary>
internal static class OptionRuleError
{
    /// <summary>GanTrainer.Options.FeatureColumnNames is empty.</summary>
    public const string NoFeatureColumns = "NoFeatureColumns";

    /// <summary>Augmentation needs exactly one of a row count and a column to balance.</summary>
    public const string CountOrBalance = "CountOrBalance";

    /// <summary>A balance ratio other than 1 without a column to balance.</summary>
    public const string RatioWithoutBalance = "RatioWithoutBalance";

    /// <summary>A decay length or schedule length is set while the learning-rate schedule is constant.</summary>
    public const string ConstantScheduleDecays = "ConstantScheduleDecays";

    /// <summary>The learning-rate decay is longer than the schedule it decays in.</summary>
    public const string DecayLongerThanSchedule = "DecayLongerThanSchedule";

    private const string RuleKey = "GanEstimators.Rule";

    public static ArgumentException Create(string rule, string message, string? paramName) =>
        new(message, paramName) { Data = { [RuleKey] = rule } };

    /// <summary>The rule <paramref name="error"/> reports, or null for an exception the validators did not make.</summary>
    public static string? RuleOf(Exception error) => error.Data[RuleKey] as string;
}
