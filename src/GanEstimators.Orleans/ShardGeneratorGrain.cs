using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace GanEstimators.Orleans;

/// <summary>
/// Serves <see cref="IShardGeneratorGrain"/>: a stateless worker, so a silo runs as many shards at once as it has
/// cores and the client's calls spread over the silos. The model comes from the silo's <see cref="SamplerCache"/>.
/// </summary>
[StatelessWorker]
internal sealed partial class ShardGeneratorGrain(SamplerCache samplers, ILocalSiloDetails silo, ILogger<ShardGeneratorGrain> logger) : Grain, IShardGeneratorGrain
{
    public async Task<ShardResult> GenerateAsync(ShardRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Generation is seconds of CPU: off the silo's scheduler threads, which must stay free for messages.
        var result = await Task.Run(() => ShardWriter.Write(samplers.Get(request.ModelPath), request, silo.SiloAddress.ToString()));
        LogShardWritten(logger, request.ShardIndex, request.Start, request.Count, request.FileName, silo.SiloAddress);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard} ({Count} rows from row {Start}) written to {File} on {Silo}")]
    private static partial void LogShardWritten(ILogger logger, int shard, long start, int count, string file, SiloAddress silo);
}
