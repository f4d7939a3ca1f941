namespace GanEstimators.Orleans;

/// <summary>Writes one shard of a synthetic sample to a part file. A stateless worker: any silo can serve any shard.</summary>
public interface IShardGeneratorGrain : IGrainWithIntegerKey
{
    /// <summary>Generates the shard's rows and writes them under the shard's file name (atomically: a temporary name, then a move).</summary>
    Task<ShardResult> GenerateAsync(ShardRequest request);
}
