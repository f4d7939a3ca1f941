using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace GanEstimators.Orleans;

/// <summary>
/// Serves <see cref="IShardGeneratorGrain"/>: one activation per shard, placed on the silo with the fewest activations
/// (a stateless worker would run on the silo the client's gateway is, so one client would load one silo only), and
/// gone once its shard is written. The model comes from the silo's <see cref="SamplerCache"/>.
/// </summary>
[ActivationCountBasedPlacement]
internal sealed partial class ShardGeneratorGrain(SamplerCache samplers, ILocalSiloDetails silo, ILogger<ShardGeneratorGrain> logger) : Grain, IShardGeneratorGrain
{
    public async Task<ShardResult> GenerateAsync(ShardRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Generation is seconds of CPU: off the silo's scheduler threads, which must stay free for messages.
        ShardResult result;
        try
        {
            result = await Task.Run(() =>
            {
                using var lease = samplers.Rent(request.ModelPath);
                return ShardWriter.Write(lease.Sampler, request, silo.SiloAddress.ToString(), lease.ModelSha256);
            });
        }
        catch (ObjectDisposedException e)
        {
            // The silo stopped under the shard and disposed its samplers: the client tries the shard on another silo.
            throw new SiloUnavailableException($"Silo {silo.SiloAddress} stopped while writing shard {request.ShardIndex}: {e.Message}");
        }
        LogShardWritten(logger, request.ShardIndex, request.Start, request.Count, request.FileName, silo.SiloAddress);
        DeactivateOnIdle();
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard} ({Count} rows from row {Start}) written to {File} on {Silo}")]
    private static partial void LogShardWritten(ILogger logger, int shard, long start, int count, string file, SiloAddress silo);
}
