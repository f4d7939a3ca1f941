using System.Globalization;
using GanEstimators.Parquet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Orleans.Tests;

/// <summary>Reading what a sample wrote: the part files of a manifest, as bytes and as rows.</summary>
public static class Parts
{
    public static string NewDirectory() => Directory.CreateTempSubdirectory("ganest-orleans-out-").FullName;

    /// <summary>Each part file's bytes, in shard order.</summary>
    public static byte[][] Bytes(ShardManifest manifest, string directory) =>
        manifest.Shards.Select(s => File.ReadAllBytes(Path.Combine(directory, s.FileName))).ToArray();

    /// <summary>The rows of every part, in order, each as its values' invariant text (floats round-trip exactly).</summary>
    public static string[] Rows(ShardManifest manifest, string directory) =>
        manifest.Shards.SelectMany(s => Rows(new MLContext(0).Data.LoadFromParquet(Path.Combine(directory, s.FileName)))).ToArray();

    /// <summary>The rows of a view, as <see cref="Rows(ShardManifest, string)"/> writes them.</summary>
    public static IEnumerable<string> Rows(IDataView data)
    {
        using var cursor = data.GetRowCursor(data.Schema);
        var getters = data.Schema.Select(c => Getter(cursor, c)).ToArray();
        while (cursor.MoveNext()) yield return string.Join("|", getters.Select(g => g()));
    }

    private static Func<string> Getter(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        if (column.Type.RawType == typeof(float)) { var get = cursor.GetGetter<float>(column); return () => { float v = 0; get(ref v); return v.ToString("R", CultureInfo.InvariantCulture); }; }
        if (column.Type.RawType == typeof(ReadOnlyMemory<char>)) { var get = cursor.GetGetter<ReadOnlyMemory<char>>(column); return () => { ReadOnlyMemory<char> v = default; get(ref v); return v.ToString(); }; }
        throw new NotSupportedException($"column {column.Name}: {column.Type}");
    }

    /// <summary>Files left under a name that is not a finished part or the manifest (temporaries).</summary>
    public static string[] Leftovers(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).StartsWith('.') || f.EndsWith(".partial", StringComparison.Ordinal)).ToArray();
}
