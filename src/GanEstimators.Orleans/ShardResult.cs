using System.Text.Json.Serialization;

namespace GanEstimators.Orleans;

/// <summary>A shard written: which rows, where, and the part file's SHA-256 so a reader can check what it reads.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardResult
{
    /// <summary>The shard's position in the sample.</summary>
    [Id(0)] public required int ShardIndex { get; init; }

    /// <summary>The first row of the stream the shard holds.</summary>
    [Id(1)] public required long Start { get; init; }

    /// <summary>Rows in the part file.</summary>
    [Id(2)] public required int Rows { get; init; }

    /// <summary>The part file's name in the output directory.</summary>
    [Id(3)] public required string FileName { get; init; }

    /// <summary>Lower-case hex SHA-256 of the part file's bytes.</summary>
    [Id(4)] public required string Sha256 { get; init; }

    /// <summary>The part file's size in bytes.</summary>
    [Id(5)] public required long Bytes { get; init; }

    /// <summary>The silo that wrote it (for the log; the bytes do not depend on it).</summary>
    [Id(6)] public required string Silo { get; init; }

    /// <summary>How many tries the shard took (more than 1 when a silo failed or could not be reached).</summary>
    [Id(7)] public int Attempts { get; init; } = 1;

    /// <summary>
    /// Lower-case hex SHA-256 of the model file the silo generated the shard from, or null when the sampler was given
    /// in-process. Not written per shard: the manifest names it once (<see cref="ShardManifest.ModelSha256"/>).
    /// </summary>
    [Id(8), JsonIgnore] public string? ModelSha256 { get; init; }
}
