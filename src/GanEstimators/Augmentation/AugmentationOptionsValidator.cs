namespace GanEstimators.Augmentation;

/// <summary>Checks <see cref="GanAugmentationOptions"/> before any data is read, naming the option that is wrong.</summary>
internal static class AugmentationOptionsValidator
{
    public static void Validate(GanAugmentationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var both = $"{nameof(GanAugmentationOptions)}: set exactly one of {nameof(options.SyntheticRowCount)} (add N rows) and {nameof(options.BalanceColumnName)} (add rows until the classes of that column are even)";
        if (options.SyntheticRowCount is null == options.BalanceColumnName is null)
            throw OptionRuleError.Create(OptionRuleError.CountOrBalance, $"{both}; {(options.SyntheticRowCount is null ? "neither was set" : "both were set")}.", nameof(options));
        if (options.SyntheticRowCount is < 0)
            throw OutOfRange(nameof(options.SyntheticRowCount), options.SyntheticRowCount, "zero or positive");
        if (options.BalanceColumnName is not null && string.IsNullOrWhiteSpace(options.BalanceColumnName))
            throw new ArgumentException($"{nameof(GanAugmentationOptions)}.{nameof(options.BalanceColumnName)} is empty; name the class column to balance.", nameof(options.BalanceColumnName));
        if (!(options.BalanceRatio > 0 && options.BalanceRatio <= 1))
            throw OutOfRange(nameof(options.BalanceRatio), options.BalanceRatio, "in (0, 1]: the share of the largest class that every class is brought up to");
        if (options.BalanceRatio != 1 && options.BalanceColumnName is null)
            throw OptionRuleError.Create(OptionRuleError.RatioWithoutBalance,
                $"{nameof(GanAugmentationOptions)}.{nameof(options.BalanceRatio)} applies to balancing; set {nameof(options.BalanceColumnName)} too, or leave the ratio at 1.",
                nameof(options.BalanceRatio));
        if (options.ChunkSize <= 0)
            throw OutOfRange(nameof(options.ChunkSize), options.ChunkSize, "positive");
    }

    private static ArgumentOutOfRangeException OutOfRange(string option, object? value, string expected) =>
        OptionRangeError.Create(option, value, $"{nameof(GanAugmentationOptions)}.{option} must be {expected}.", expected);
}
