using Microsoft.ML;

namespace GanEstimators.Orleans;

/// <summary>The rows of one shard. TEMPORARY: a prefix sample with its head skipped until GanSampler.SampleRange lands.</summary>
internal static class ShardRows
{
    public static IDataView Of(GanSampler sampler, ShardRequest request)
    {
        var all = sampler.Sample(checked((int)(request.Start + request.Count)), Conditions(sampler, request), request.Seed);
        return request.Start == 0 ? all : new MLContext(0).Data.SkipRows(all, request.Start);
    }

    // A class request is a condition on the condition column, named as GanSampler.Sample(count, condition) names it.
    private static IReadOnlyDictionary<string, string> Conditions(GanSampler sampler, ShardRequest request) =>
        request.Condition is null ? request.Conditions
            : new Dictionary<string, string>(request.Conditions) { [sampler.ConditionColumnName ?? ""] = request.Condition };
}
