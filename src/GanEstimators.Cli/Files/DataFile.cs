namespace GanEstimators.Cli.Files;

/// <summary>
/// The one place ganest tells Parquet from CSV, by the path alone: an input is Parquet when it ends in <c>.parquet</c> or
/// is a directory holding <c>*.parquet</c> parts; an output is Parquet when it ends in <c>.parquet</c>, and a directory of
/// parts when it ends with a path separator (an existing directory named without one stays an error, as for CSV).
/// </summary>
public static class DataFile
{
    public static bool IsParquet(string path) =>
        HasParquetExtension(path) || (Directory.Exists(path) && Directory.EnumerateFiles(path, "*.parquet").Any());

    public static bool IsParquetOutput(string path) => HasParquetExtension(path) || IsPartsDirectory(path);

    /// <summary>An output path that ends with a separator: Parquet parts are written into that directory.</summary>
    public static bool IsPartsDirectory(string path) => path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar);

    private static bool HasParquetExtension(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
}
