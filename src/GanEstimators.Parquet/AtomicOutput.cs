namespace GanEstimators.Parquet;

/// <summary>
/// Writes a file or a directory under a unique temporary name beside its final one (<c>name.&lt;random&gt;.tmp</c>) and
/// moves it into place only when complete, so a reader never sees half of it and a failure leaves nothing behind.
/// </summary>
internal static class AtomicOutput
{
    public static T File<T>(string path, Func<Stream, T> write)
    {
        var full = FinalPath(path);
        if (System.IO.Directory.Exists(full)) throw new IOException($"'{path}' is a directory; give a file path for the Parquet file.");
        var temporary = TemporaryName(full);
        try
        {
            T result;
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                result = write(stream);
                stream.Flush(flushToDisk: true);   // on disk before the rename, so a crash cannot leave an empty file under the name
            }
            System.IO.File.Move(temporary, full, overwrite: true);
            return result;
        }
        catch
        {
            TryDelete(() => System.IO.File.Delete(temporary));
            throw;
        }
    }

    /// <summary>Writes a directory; an existing one at <paramref name="path"/> must be empty (it is replaced), so no part of another run is mixed in.</summary>
    public static T Directory<T>(string path, Func<string, T> write)
    {
        var full = FinalPath(path);
        if (System.IO.File.Exists(full)) throw new IOException($"'{path}' is a file; give a directory path for the Parquet parts.");
        if (System.IO.Directory.Exists(full) && System.IO.Directory.EnumerateFileSystemEntries(full).Any())
            throw new IOException($"Directory '{path}' is not empty; Parquet parts are written to a new or empty directory, so that no part of another run is read with them.");
        var temporary = TemporaryName(full);
        System.IO.Directory.CreateDirectory(temporary);
        try
        {
            var result = write(temporary);
            if (System.IO.Directory.Exists(full)) System.IO.Directory.Delete(full);
            System.IO.Directory.Move(temporary, full);
            return result;
        }
        catch
        {
            TryDelete(() => System.IO.Directory.Delete(temporary, recursive: true));
            throw;
        }
    }

    private static string FinalPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The Parquet output path is empty.", nameof(path));
        var full = Path.GetFullPath(path.TrimEnd('/', '\\').Length == 0 ? path : path.TrimEnd('/', '\\'));
        var directory = Path.GetDirectoryName(full)!;
        if (!System.IO.Directory.Exists(directory)) throw new DirectoryNotFoundException($"Cannot write '{path}': directory '{directory}' does not exist.");
        return full;
    }

    private static string TemporaryName(string full) =>
        $"{full}.{Path.GetFileNameWithoutExtension(Path.GetRandomFileName())}.tmp";

    private static void TryDelete(Action delete)
    {
        try { delete(); }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException) { }
    }
}
