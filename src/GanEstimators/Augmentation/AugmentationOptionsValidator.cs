namespace GanEstimators.Augmentation;

/// <summary>Checks <see cref="GanAugmentationOptions"/> before any data is read, naming the option that is wrong.</summary>
internal static class AugmentationOptionsValidator
{
    public static void Validate(GanAugmentationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var both = $"{nameof(GanAugmentationOptions)}: set exactly one of {nameof(options.SyntheticRowCount)} (add N rows) and {nameof(options.BalanceColumnName)} (add rows until the classes of that column are even)";
        if (options.SyntheticRowCount is null == options.BalanceColumnName is null)
            throw new ArgumentException($"{both}; {(options.SyntheticRowCount is null ? "neither was set" : "both were set")}.", nameof(options));
        if (options.SyntheticRowCount is < 0)
            throw new ArgumentOutOfRangeException(nameof(options.SyntheticRowCount), options.SyntheticRowCount,
                $"{nameof(GanAugmentationOptions)}.{nameof(options.SyntheticRowCount)} must be zero or positive.");
        if (options.BalanceColumnName is not null && string.IsNullOrWhiteSpace(options.BalanceColumnName))
            throw new ArgumentException($"{nameof(GanAugmentationOptions)}.{nameof(options.BalanceColumnName)} is empty; name the class column to balance.", nameof(options.BalanceColumnName));
        if (options.ChunkSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(options.ChunkSize), options.ChunkSize,
                $"{nameof(GanAugmentationOptions)}.{nameof(options.ChunkSize)} must be positive.");
    }
}
