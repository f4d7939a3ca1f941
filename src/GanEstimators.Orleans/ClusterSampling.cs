using Orleans.Runtime;

namespace GanEstimators.Orleans;

/// <summary>
/// Generates a large synthetic sample on an Orleans cluster: the range is cut into shards (<see cref="ShardPlan"/>),
/// each written by whichever silo takes it to a part file, shards of a silo that dies are sent again, and a manifest is
/// written last. Every shard is a range of the same deterministic stream (<see cref="GanSampler"/>'s <c>SampleRange</c>),
/// so the parts hold the same rows, byte for byte, whatever the number of silos and whichever silo wrote them.
/// </summary>
public static class ClusterSampling
{
    /// <summary>Generates <paramref name="rows"/> rows of (<paramref name="modelPath"/>, <paramref name="seed"/>, <paramref name="condition"/>) into <paramref name="outputDirectory"/>.</summary>
    public static Task<ShardManifest> GenerateAsync(IGrainFactory grains, string modelPath, long rows, int seed, string? condition, string outputDirectory, int shardRows = 65_536, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return GenerateAsync(grains, new ClusterSamplingRequest
        {
            ModelPath = modelPath,
            Rows = rows,
            Seed = seed,
            Condition = condition,
            OutputDirectory = outputDirectory,
            ShardRows = shardRows,
        }, cancellationToken);
    }

    /// <summary>
    /// Generates the sample <paramref name="request"/> describes and returns its manifest (also written to the output
    /// directory). A shard whose silo fails or cannot be reached is tried again on another (up to
    /// <see cref="ClusterSamplingRequest.MaxAttempts"/> times); any other error (a model that cannot be read, an
    /// unknown condition, a directory that cannot be written) stops the sample with a
    /// <see cref="ClusterSamplingException"/> naming the shard and the cause, and no manifest is written. Parts are
    /// written under their final names only once complete.
    /// </summary>
    public static async Task<ShardManifest> GenerateAsync(IGrainFactory grains, ClusterSamplingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var shards = ShardPlan.Cut(request);
        var results = new ShardResult[shards.Count];
        var model = new SameModel(request.ModelPath);
        // ForEachAsync stops starting shards at the first error and rethrows it once those in flight have ended.
        await Parallel.ForEachAsync(shards, new ParallelOptions { MaxDegreeOfParallelism = request.MaxShardsInFlight, CancellationToken = cancellationToken },
            async (shard, token) => results[shard.ShardIndex] = model.Check(await GenerateShardAsync(grains, shard, request.MaxAttempts, token).ConfigureAwait(false))).ConfigureAwait(false);
        return WriteManifest(request, results);
    }

    /// <summary>
    /// The same sample written in this process, shard after shard, without a cluster: the same part files, byte for
    /// byte, as <see cref="GenerateAsync(IGrainFactory, ClusterSamplingRequest, CancellationToken)"/> writes, and the
    /// same manifest but for the writer named in it.
    /// </summary>
    public static ShardManifest Generate(GanSampler sampler, ClusterSamplingRequest request)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var results = ShardPlan.Cut(request).Select(shard => ShardWriter.Write(sampler, shard, Environment.MachineName, modelSha256: null)).ToArray();
        return WriteManifest(request, results);
    }

    private static ShardManifest WriteManifest(ClusterSamplingRequest request, ShardResult[] results)
    {
        var manifest = new ShardManifest
        {
            ModelPath = request.ModelPath,
            Seed = request.Seed,
            Condition = request.Condition,
            Conditions = request.Conditions,
            Start = request.Start,
            Rows = request.Rows,
            Shards = results,
            ModelSha256 = results.Select(r => r.ModelSha256).Distinct().Single(),
        };
        manifest.Write(request.OutputDirectory);
        return manifest;
    }

    private static async Task<ShardResult> GenerateShardAsync(IGrainFactory grains, ShardRequest shard, int maxAttempts, CancellationToken token)
    {
        for (var attempt = 1; ; attempt++)
        {
            token.ThrowIfCancellationRequested();
            try
            {
                var result = await grains.GetGrain<IShardGeneratorGrain>(Guid.NewGuid()).GenerateAsync(shard).ConfigureAwait(false);
                return result with { Attempts = attempt };
            }
            catch (Exception e) when (IsSiloFailure(e) && attempt < maxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var retried = IsSiloFailure(e) ? $" after {attempt} tries" : "";
                throw new ClusterSamplingException(
                    $"Shard {shard.ShardIndex} (rows {shard.Start} to {shard.Start + shard.Count - 1}, file '{shard.FileName}') failed{retried}: {e.Message}", e);
            }
        }
    }

    // Failures of the messenger, not of the shard: the same request can succeed on another silo.
    private static bool IsSiloFailure(Exception e) =>
        e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
        || e is OrleansException && e.GetType().Name.Contains("Connection", StringComparison.Ordinal);
}
