namespace GanEstimators.Orleans.Tests;

/// <summary>Reading what a sample wrote: the part files of a manifest, as bytes and as rows.</summary>
public static class Parts
{
    public static string NewDirectory() => Directory.CreateTempSubdirectory("ganest-orleans-out-").FullName;

    /// <summary>Each part file's bytes, in shard order.</summary>
    public static byte[][] Bytes(ShardManifest manifest, string directory) =>
        manifest.Shards.Select(s => File.ReadAllBytes(Path.Combine(directory, s.FileName))).ToArray();

    /// <summary>The data rows of every part, in order (TEMPORARY: CSV lines without the header until parts are Parquet).</summary>
    public static string[] Rows(ShardManifest manifest, string directory) =>
        manifest.Shards.SelectMany(s => File.ReadAllLines(Path.Combine(directory, s.FileName)).Skip(1)).ToArray();

    /// <summary>Files left under a name that is not a finished part or the manifest (temporaries).</summary>
    public static string[] Leftovers(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).StartsWith('.') || f.EndsWith(".partial", StringComparison.Ordinal)).ToArray();
}
