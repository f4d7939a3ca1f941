namespace GanEstimators.Parquet;

/// <summary>The Parquet files a path names: the file itself, or a directory's <c>*.parquet</c> parts in ordinal name order.</summary>
internal static class ParquetParts
{
    public const string Extension = ".parquet";

    public static string[] Resolve(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A Parquet path must name a file or a directory of parts; got an empty path.", nameof(path));
        if (File.Exists(path)) return new[] { path };
        if (!Directory.Exists(path)) throw new FileNotFoundException($"Parquet path '{path}' is neither a file nor a directory.", path);
        var parts = Directory.GetFiles(path, "*" + Extension).Where(f => f.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToArray();
        if (parts.Length == 0) throw new FileNotFoundException($"Parquet directory '{path}' has no *{Extension} files.", path);
        return parts;
    }

    /// <summary>The name of part <paramref name="index"/> of a directory written by <c>SaveAsParquetParts</c>; names sort in part order.</summary>
    public static string Name(int index) => $"part-{index:D5}{Extension}";
}
