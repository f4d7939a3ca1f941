using Microsoft.Extensions.DependencyInjection;

namespace GanEstimators.Orleans;

/// <summary>Hosting: <c>siloBuilder.AddGanSampling()</c> makes a silo serve shards of synthetic samples.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Registers the per-silo sampler cache and its options; the shard grain itself is found by Orleans.</summary>
    public static ISiloBuilder AddGanSampling(this ISiloBuilder builder, Action<GanClusterSamplingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<GanClusterSamplingOptions>().Configure(o => configure?.Invoke(o));
        builder.Services.AddSingleton<SamplerCache>();
        return builder;
    }
}
