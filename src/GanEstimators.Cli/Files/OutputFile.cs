namespace GanEstimators.Cli.Files;

/// <summary>
/// A file (<see cref="Reserve"/>) or a directory of Parquet parts (<see cref="ReserveDirectory"/>) a command will write,
/// checked and reserved before any work starts. Everything is written to a unique temporary beside it
/// (<c>name.&lt;random&gt;.tmp</c>) that <see cref="Commit"/> renames into place, so a reader never sees half a file,
/// two runs writing the same path each replace it whole, and a failed or stopped run leaves nothing behind (disposing
/// without committing, or <see cref="DeleteAllReserved"/>, deletes the temporary).
/// </summary>
public sealed class OutputFile : IDisposable
{
    private bool _committed;
    private readonly bool _isDirectory;

    private OutputFile(string path, string option, string temporaryPath, bool isDirectory)
    {
        Path = path;
        Option = option;
        TemporaryPath = temporaryPath;
        _isDirectory = isDirectory;
        TemporaryFiles.Add(temporaryPath);
    }

    /// <summary>The path the file ends up at.</summary>
    public string Path { get; }

    /// <summary>The option that named it, for messages.</summary>
    public string Option { get; }

    /// <summary>The reserved temporary: a file, or for a directory the folder that holds what is written (see <see cref="Writing{T}"/>).</summary>
    public string TemporaryPath { get; }

    /// <summary>
    /// Where a directory's contents are written: a path inside the reserved temporary folder, which does not exist yet,
    /// so a writer that makes its own temporary beside its output (the Parquet parts writer) makes it inside the folder
    /// that a stopped run deletes.
    /// </summary>
    private string WritePath => _isDirectory ? System.IO.Path.Combine(TemporaryPath, "contents") : TemporaryPath;

    /// <summary>
    /// Checks that <paramref name="path"/> (given as <paramref name="option"/>) can be written, and reserves its
    /// temporary file. <paramref name="inputs"/> are the command's input files (option, path): writing over one of them
    /// is refused, since the input would be gone if the run failed half-way or was read while being replaced.
    /// </summary>
    public static OutputFile Reserve(string path, string option, params (string Option, string? Path)[] inputs)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"{option} must name a file; got an empty path.");
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new ArgumentException($"{option} '{path}' is a directory; give a file path, e.g. '{System.IO.Path.Combine(path, DefaultName(option))}'.");
        foreach (var (inputOption, inputPath) in inputs)
            if (inputPath is not null && SameFile(full, inputPath))
                throw new ArgumentException($"{option} '{path}' is the same file as {inputOption}; write to another file.");
        var directory = System.IO.Path.GetDirectoryName(full)!;
        if (File.Exists(directory))
            throw new ArgumentException($"{option} '{path}': '{directory}' is a file, not a directory.");
        if (!Directory.Exists(directory))
            throw new ArgumentException($"{option} '{path}': directory '{directory}' does not exist; create it first.");
        if (File.Exists(full) && File.GetAttributes(full).HasFlag(FileAttributes.ReadOnly))
            throw new ArgumentException($"{option} '{path}' exists and is read-only.");

        var temporary = System.IO.Path.Combine(directory, $"{System.IO.Path.GetFileName(full)}.{System.IO.Path.GetFileNameWithoutExtension(System.IO.Path.GetRandomFileName())}.tmp");
        try
        {
            new FileStream(temporary, FileMode.CreateNew, FileAccess.Write).Dispose();
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            throw new ArgumentException($"{option} '{path}': cannot create a file in '{directory}' ({error.Message}).", error);
        }
        return new OutputFile(path, option, temporary, isDirectory: false);
    }

    /// <summary>
    /// Checks that <paramref name="path"/> (given as <paramref name="option"/>) names a new or empty directory in an
    /// existing one, and reserves a temporary folder beside it; <see cref="Commit"/> moves what was written into place.
    /// </summary>
    public static OutputFile ReserveDirectory(string path, string option)
    {
        var full = System.IO.Path.GetFullPath(path).TrimEnd(System.IO.Path.DirectorySeparatorChar, '/');
        var parent = System.IO.Path.GetDirectoryName(full)!;
        if (!Directory.Exists(parent)) throw new ArgumentException($"{option} '{path}': directory '{parent}' does not exist; create it first.");
        if (File.Exists(full)) throw new ArgumentException($"{option} '{path}' is a file; give a new or empty directory for the Parquet parts.");
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
            throw new ArgumentException($"{option} '{path}' is a directory that is not empty; Parquet parts are written to a new or empty directory.");
        var temporary = $"{full}.{System.IO.Path.GetFileNameWithoutExtension(System.IO.Path.GetRandomFileName())}.tmp";
        try
        {
            Directory.CreateDirectory(temporary);
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            throw new ArgumentException($"{option} '{path}': cannot create a directory in '{parent}' ({error.Message}).", error);
        }
        return new OutputFile(path, option, temporary, isDirectory: true);
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the temporary path; a failure to write it (a full disk, say) becomes an
    /// <see cref="IOException"/> naming the option and the file asked for rather than the temporary name.
    /// </summary>
    public T Writing<T>(Func<string, T> write)
    {
        try
        {
            return write(WritePath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException && error.Message.Contains(TemporaryPath, StringComparison.Ordinal))
        {
            var reason = error.Message.Replace($" : '{TemporaryPath}'", "").Replace($"'{TemporaryPath}'", "the file").Trim().TrimEnd('.');
            throw new IOException($"{Option} '{Path}': could not write it ({reason}).", error);
        }
    }

    /// <summary>Moves the written temporary file into place (an atomic rename), replacing any file (or empty directory) there.</summary>
    public void Commit()
    {
        try
        {
            if (_isDirectory) MoveDirectoryIntoPlace();
            else
            {
                FlushToDisk(TemporaryPath);
                File.Move(TemporaryPath, System.IO.Path.GetFullPath(Path), overwrite: true);
            }
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            throw new IOException($"{Option} '{Path}': could not move the finished file into place ({error.Message}).", error);
        }
        _committed = true;
        TemporaryFiles.Remove(TemporaryPath);
    }

    /// <summary>
    /// Makes the written file durable before it is renamed into place: without it a crash or power loss soon after the
    /// rename can leave an empty file under the final name on ext4 or XFS.
    /// </summary>
    private static void FlushToDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.Flush(flushToDisk: true);
    }

    private void MoveDirectoryIntoPlace()
    {
        var full = System.IO.Path.GetFullPath(Path).TrimEnd(System.IO.Path.DirectorySeparatorChar, '/');
        if (Directory.Exists(full)) Directory.Delete(full);   // empty: checked when reserved, and Delete refuses otherwise
        Directory.Move(WritePath, full);
        Directory.Delete(TemporaryPath);
    }

    /// <summary>Deletes the temporary file unless it was committed.</summary>
    public void Dispose()
    {
        if (_committed) return;
        TryDelete(TemporaryPath);
        TemporaryFiles.Remove(TemporaryPath);
        _committed = true;
    }

    /// <summary>Deletes every temporary file still reserved; for a process that is being stopped (Ctrl+C, SIGTERM).</summary>
    public static void DeleteAllReserved()
    {
        foreach (var path in TemporaryFiles.Snapshot()) TryDelete(path);
    }

    private static void TryDelete(string path)
    {
        try
        {
            // A directory other processes write into (the silos of `sample --cluster`, finishing their shards) can gain a
            // file while it is being deleted, which fails the delete: try again a few times.
            for (var attempt = 1; Directory.Exists(path); attempt++)
            {
                try
                {
                    Directory.Delete(path, recursive: true);
                }
                catch (IOException) when (attempt < 5)
                {
                    Thread.Sleep(200);
                }
            }
            File.Delete(path);
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException) { }
    }

    private static bool SameFile(string fullPath, string otherPath) =>
        string.Equals(fullPath, System.IO.Path.GetFullPath(otherPath), OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string DefaultName(string option) => option switch
    {
        "--model" => "model.zip",
        "--json" => "metrics.json",
        _ => "synthetic.csv",
    };

    /// <summary>The temporary files of this process not yet committed or deleted.</summary>
    private static class TemporaryFiles
    {
        private static readonly HashSet<string> Paths = new();

        public static void Add(string path) { lock (Paths) Paths.Add(path); }

        public static void Remove(string path) { lock (Paths) Paths.Remove(path); }

        public static string[] Snapshot() { lock (Paths) return Paths.ToArray(); }
    }
}
