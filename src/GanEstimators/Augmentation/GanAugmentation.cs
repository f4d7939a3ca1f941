using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace GanEstimators.Augmentation;

/// <summary>Checks the request against the data and the sampler, counts what is needed, and builds the lazy view.</summary>
internal static class GanAugmentation
{
    public static IDataView Create(IHostEnvironment environment, IDataView data, GanSampler sampler, GanAugmentationOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(sampler);
        AugmentationOptionsValidator.Validate(options);
        if (options.BalanceColumnName is { } balanceColumn) ChunkSampler.EnsureCanCondition(sampler, balanceColumn);
        var layout = AugmentedSchema.Build(data.Schema, sampler);
        var seed = options.Seed ?? environment.Register(nameof(GanAugmentation)).Rand.Next();

        long realRows;
        SyntheticRowPlan plan;
        if (options.BalanceColumnName is { } column)
        {
            (realRows, var rowsByClass) = ClassCounts.Count(data, column);
            EnsureSamplerKnowsClassesToAdd(sampler, column, rowsByClass, options.BalanceRatio);
            plan = SyntheticRowPlan.ForBalance(realRows, column, rowsByClass, options.BalanceRatio, options.ChunkSize, seed);
        }
        else
        {
            realRows = ClassCounts.CountRows(data);
            plan = SyntheticRowPlan.ForCount(realRows, options.SyntheticRowCount!.Value, options.ChunkSize, seed);
        }
        return new AugmentedDataView(data, realRows, layout, sampler, plan, options.ChunkGenerated);
    }

    /// <summary>Fails now rather than in the middle of a downstream Fit when a class that needs rows is unknown to the GAN.</summary>
    private static void EnsureSamplerKnowsClassesToAdd(GanSampler sampler, string column, IReadOnlyDictionary<string, long> rowsByClass, double ratio)
    {
        var target = SyntheticRowPlan.BalanceTarget(rowsByClass, ratio);
        var known = ChunkSampler.KnownClasses(sampler, column).ToHashSet(StringComparer.Ordinal);
        var unknown = rowsByClass.Where(c => c.Value < target && !known.Contains(c.Key)).Select(c => $"'{c.Key}'").ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException(
                $"Column '{column}' has class(es) {string.Join(", ", unknown)} that the sampler never saw in training, so it cannot generate rows of them. Known classes: {string.Join(", ", known.Select(k => $"'{k}'"))}.",
                nameof(GanAugmentationOptions.BalanceColumnName));
    }
}
