using Microsoft.ML;

namespace GanEstimators.Orleans;

/// <summary>The rows of one shard: its range of the (model, seed, conditions) block stream, <see cref="GanSampler.SampleRange(long, long, int, IReadOnlyDictionary{string, string})"/>.</summary>
internal static class ShardRows
{
    public static IDataView Of(GanSampler sampler, ShardRequest request) =>
        sampler.SampleRange(request.Start, request.Count, request.Seed, Conditions(sampler, request));

    // A class request is a condition on the condition column, named as GanSampler.Sample(count, condition) names it.
    private static IReadOnlyDictionary<string, string> Conditions(GanSampler sampler, ShardRequest request) =>
        request.Condition is null ? request.Conditions
            : new Dictionary<string, string>(request.Conditions) { [sampler.ConditionColumnName ?? ""] = request.Condition };
}
