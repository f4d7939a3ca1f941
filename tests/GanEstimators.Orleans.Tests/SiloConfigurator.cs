using Orleans.TestingHost;

namespace GanEstimators.Orleans.Tests;

/// <summary>Every test silo serves shards, one libtorch thread per shard.</summary>
public sealed class SiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddGanSampling();
}
