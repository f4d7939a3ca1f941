namespace GanEstimators.Orleans;

/// <summary>A silo's settings for sharded generation (<c>siloBuilder.AddGanSampling(o => …)</c>).</summary>
public sealed class GanClusterSamplingOptions
{
    /// <summary>
    /// libtorch's CPU threads while a shard is generated (<see cref="GanSampler.NumberOfThreads"/>). Default 1: a silo
    /// runs several shards at once (one activation each), which keeps a small generator's cores busier than one shard
    /// spread over every core. Null is the library's default.
    /// </summary>
    public int? NumberOfThreads { get; set; } = 1;
}
