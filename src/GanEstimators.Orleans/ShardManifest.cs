using System.Text.Json;

namespace GanEstimators.Orleans;

/// <summary>
/// What a cluster sample wrote: the request and one entry per shard (file, rows, SHA-256), in row order. Written last,
/// as <c>manifest.json</c>, so a directory with a manifest holds every shard it lists.
/// </summary>
public sealed record ShardManifest
{
    /// <summary>The manifest's file name in the output directory.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The model file the rows came from.</summary>
    public required string ModelPath { get; init; }

    /// <summary>
    /// Lower-case hex SHA-256 of the model file every shard was generated from (each silo hashes the bytes it loads);
    /// null for a sample generated in-process from a given sampler, and in manifests written before it was recorded.
    /// </summary>
    public string? ModelSha256 { get; init; }

    /// <summary>The sample's seed.</summary>
    public required int Seed { get; init; }

    /// <summary>The class every row is of, or null.</summary>
    public string? Condition { get; init; }

    /// <summary>The column values every row has.</summary>
    public required IReadOnlyDictionary<string, string> Conditions { get; init; }

    /// <summary>The first row of the stream.</summary>
    public required long Start { get; init; }

    /// <summary>Rows in all shards together.</summary>
    public required long Rows { get; init; }

    /// <summary>The shards, in row order.</summary>
    public required IReadOnlyList<ShardResult> Shards { get; init; }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Reads a manifest written by <see cref="ClusterSampling"/>.</summary>
    public static ShardManifest Read(string path) =>
        JsonSerializer.Deserialize<ShardManifest>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"'{path}' is not a shard manifest.");

    internal void Write(string directory)
    {
        var final = Path.Combine(directory, FileName);
        var temporary = final + ".partial";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(stream, this, Json);
            stream.Flush(flushToDisk: true);   // on disk before the rename, as the parts it lists are
        }
        File.Move(temporary, final, overwrite: true);
    }
}
