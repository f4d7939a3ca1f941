namespace GanEstimators.Cli.Files;

/// <summary>The one place ganest tells Parquet data from CSV: by the path's extension, or a directory (of Parquet parts).</summary>
public static class DataFile
{
    public static bool IsParquet(string path) =>
        path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || IsDirectory(path);

    /// <summary>An output path that names a directory (it exists, or ends with a separator): Parquet parts are written there.</summary>
    public static bool IsDirectory(string path) =>
        path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar) || Directory.Exists(path);
}
