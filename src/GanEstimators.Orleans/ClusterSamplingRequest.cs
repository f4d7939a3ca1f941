namespace GanEstimators.Orleans;

/// <summary>What <see cref="ClusterSampling.GenerateAsync(IGrainFactory, ClusterSamplingRequest, CancellationToken)"/> generates.</summary>
public sealed record ClusterSamplingRequest
{
    /// <summary>A saved <see cref="GanSampler"/> at a path every silo can read (shared storage).</summary>
    public required string ModelPath { get; init; }

    /// <summary>How many rows.</summary>
    public required long Rows { get; init; }

    /// <summary>The sample's seed: the same seed, model and conditions give the same rows, whatever the cluster.</summary>
    public required int Seed { get; init; }

    /// <summary>The class every row is of (a conditional GAN's condition column), or null for the training frequencies.</summary>
    public string? Condition { get; init; }

    /// <summary>Column → value every row must have (the condition column's class, categorical columns); empty for none.</summary>
    public IReadOnlyDictionary<string, string> Conditions { get; init; } = new Dictionary<string, string>();

    /// <summary>A directory every silo can write to; part files and <c>manifest.json</c> are written there.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Rows per shard (default 65,536: a few seconds of one core, well inside Orleans' 30 s response timeout).</summary>
    public int ShardRows { get; init; } = 65_536;

    /// <summary>The first row of the stream (default 0), to continue a sample in a later run.</summary>
    public long Start { get; init; }

    /// <summary>Shards in flight at once (default 64); each silo works on as many as it has cores and queues the rest.</summary>
    public int MaxShardsInFlight { get; init; } = 64;

    /// <summary>Tries per shard when its silo fails or cannot be reached (default 3); other errors are not retried.</summary>
    public int MaxAttempts { get; init; } = 3;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ModelPath)) throw new ArgumentException("ModelPath must name a saved GanSampler model file.", nameof(ModelPath));
        if (string.IsNullOrWhiteSpace(OutputDirectory)) throw new ArgumentException("OutputDirectory must name a directory every silo can write to.", nameof(OutputDirectory));
        if (Rows <= 0) throw new ArgumentOutOfRangeException(nameof(Rows), Rows, "Rows must be positive.");
        if (ShardRows <= 0) throw new ArgumentOutOfRangeException(nameof(ShardRows), ShardRows, "ShardRows must be positive.");
        if (Start < 0) throw new ArgumentOutOfRangeException(nameof(Start), Start, "Start must be 0 or more.");
        if (MaxShardsInFlight <= 0) throw new ArgumentOutOfRangeException(nameof(MaxShardsInFlight), MaxShardsInFlight, "MaxShardsInFlight must be positive.");
        if (MaxAttempts <= 0) throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "MaxAttempts must be positive.");
        if ((Rows + ShardRows - 1) / ShardRows > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(ShardRows), ShardRows, $"{Rows} rows in shards of {ShardRows} make more than {int.MaxValue} shards; use larger shards.");
        ArgumentNullException.ThrowIfNull(Conditions, nameof(Conditions));
    }
}
