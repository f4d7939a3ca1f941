namespace GanEstimators.Orleans;

/// <summary>
/// Writes one shard of a synthetic sample to a part file. Each try of a shard calls a grain of a new key, so Orleans
/// places it afresh (on the silo with the fewest activations) and a retry never waits on a silo that died.
/// </summary>
public interface IShardGeneratorGrain : IGrainWithGuidKey
{
    /// <summary>Generates the shard's rows and writes them under the shard's file name (atomically: a temporary name, then a move).</summary>
    Task<ShardResult> GenerateAsync(ShardRequest request);
}
