namespace GanEstimators.Orleans;

/// <summary>One shard of a cluster sample: rows [<see cref="Start"/>, <see cref="Start"/> + <see cref="Count"/>) of the
/// synthetic stream of (model, seed, conditions), written to <see cref="FileName"/> in <see cref="OutputDirectory"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardRequest
{
    /// <summary>A saved <see cref="GanSampler"/> (<c>mlContext.Model.Save</c>) at a path every silo can read.</summary>
    [Id(0)] public required string ModelPath { get; init; }

    /// <summary>The sample's seed: with the model and the conditions it defines the stream the shards are cut from.</summary>
    [Id(1)] public required int Seed { get; init; }

    /// <summary>Column → value the rows must have (as <see cref="GanSampler.Sample(int, IReadOnlyDictionary{string, string}, int?)"/>); empty for none.</summary>
    [Id(2)] public Dictionary<string, string> Conditions { get; init; } = new();

    /// <summary>The class every row is of (a conditional GAN), or null.</summary>
    [Id(8)] public string? Condition { get; init; }

    /// <summary>The shard's position in the sample (0, 1, …), for the manifest and the part file's name.</summary>
    [Id(3)] public required int ShardIndex { get; init; }

    /// <summary>The first row of the stream this shard holds.</summary>
    [Id(4)] public required long Start { get; init; }

    /// <summary>How many rows this shard holds.</summary>
    [Id(5)] public required int Count { get; init; }

    /// <summary>A directory every silo can write to.</summary>
    [Id(6)] public required string OutputDirectory { get; init; }

    /// <summary>The part file's name inside <see cref="OutputDirectory"/>.</summary>
    [Id(7)] public required string FileName { get; init; }
}
