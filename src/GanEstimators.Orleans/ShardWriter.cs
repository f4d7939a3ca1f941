namespace GanEstimators.Orleans;

/// <summary>One shard from request to part file and result; the same code in a silo and in-process.</summary>
internal static class ShardWriter
{
    public static ShardResult Write(GanSampler sampler, ShardRequest request, string writer, string? modelSha256)
    {
        var (sha, bytes) = PartFile.Write(ShardRows.Of(sampler, request), request.OutputDirectory, request.FileName);
        return new ShardResult
        {
            ShardIndex = request.ShardIndex,
            Start = request.Start,
            Rows = request.Count,
            FileName = request.FileName,
            Sha256 = sha,
            Bytes = bytes,
            Silo = writer,
            ModelSha256 = modelSha256,
        };
    }
}
