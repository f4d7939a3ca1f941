namespace GanEstimators.Orleans;

/// <summary>A silo's settings for sharded generation (<c>siloBuilder.AddGanSampling(o => …)</c>).</summary>
public sealed class GanClusterSamplingOptions
{
    /// <summary>
    /// libtorch's CPU threads while a shard is generated (<see cref="GanSampler.NumberOfThreads"/>). Default 1: a silo
    /// runs one shard per core at once (the grain is a stateless worker), which keeps a small generator busier than
    /// one shard spread over every core. Null is the library's default.
    /// </summary>
    public int? NumberOfThreads { get; set; } = 1;
}
