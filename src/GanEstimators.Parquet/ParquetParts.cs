namespace GanEstimators.Parquet;

/// <summary>
/// The Parquet files a path names: the file itself, or a directory's <c>*.parquet</c> parts in name order with numbers
/// compared as numbers (<c>part-99999</c> before <c>part-100000</c>). Names starting with '.' or '_' are not parts (as
/// Spark and Hadoop read a directory): macOS's <c>._part-00000.parquet</c>, a writer's <c>_temporary</c> files.
/// </summary>
internal static class ParquetParts
{
    public const string Extension = ".parquet";

    public static string[] Resolve(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A Parquet path must name a file or a directory of parts; got an empty path.", nameof(path));
        if (File.Exists(path)) return new[] { path };
        if (!Directory.Exists(path)) throw new FileNotFoundException($"Parquet path '{path}' is neither a file nor a directory.", path);
        var parts = Directory.GetFiles(path, "*" + Extension)
            .Where(f => f.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).StartsWith('_'))
            .OrderBy(NumbersPadded, StringComparer.Ordinal).ToArray();
        if (parts.Length == 0) throw new FileNotFoundException($"Parquet directory '{path}' has no *{Extension} files.", path);
        return parts;
    }

    /// <summary>The file name with every run of digits left-padded to 20, so that ordinal order compares numbers as numbers.</summary>
    private static string NumbersPadded(string path) =>
        System.Text.RegularExpressions.Regex.Replace(Path.GetFileName(path), "[0-9]+", run => run.Value.PadLeft(20, '0'));

    /// <summary>The name of part <paramref name="index"/> of a directory written by <c>SaveAsParquetParts</c>; names sort in part order.</summary>
    public static string Name(int index) => $"part-{index:D5}{Extension}";
}
