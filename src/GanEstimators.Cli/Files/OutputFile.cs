namespace GanEstimators.Cli.Files;

/// <summary>
/// A file a command will write, checked and reserved before any work starts: the path must name a file (not a
/// directory) in an existing, writable directory. Everything is written to a unique temporary file beside it
/// (<c>name.&lt;random&gt;.tmp</c>) that <see cref="Commit"/> renames into place, so a reader never sees half a file,
/// two runs writing the same path each replace it whole, and a failed run leaves nothing behind (disposing without
/// committing deletes the temporary file).
/// </summary>
public sealed class OutputFile : IDisposable
{
    private bool _committed;

    private OutputFile(string path, string option, string temporaryPath)
    {
        Path = path;
        Option = option;
        TemporaryPath = temporaryPath;
        TemporaryFiles.Add(temporaryPath);
    }

    /// <summary>The path the file ends up at.</summary>
    public string Path { get; }

    /// <summary>The option that named it, for messages.</summary>
    public string Option { get; }

    /// <summary>Where to write; empty until written.</summary>
    public string TemporaryPath { get; }

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
        return new OutputFile(path, option, temporary);
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the temporary path; a failure to write it (a full disk, say) becomes an
    /// <see cref="IOException"/> naming the option and the file asked for rather than the temporary name.
    /// </summary>
    public T Writing<T>(Func<string, T> write)
    {
        try
        {
            return write(TemporaryPath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException && error.Message.Contains(TemporaryPath, StringComparison.Ordinal))
        {
            var reason = error.Message.Replace($" : '{TemporaryPath}'", "").Replace($"'{TemporaryPath}'", "the file").Trim().TrimEnd('.');
            throw new IOException($"{Option} '{Path}': could not write it ({reason}).", error);
        }
    }

    /// <summary>Moves the written temporary file into place (an atomic rename), replacing any file there.</summary>
    public void Commit()
    {
        try
        {
            File.Move(TemporaryPath, System.IO.Path.GetFullPath(Path), overwrite: true);
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            throw new IOException($"{Option} '{Path}': could not move the finished file into place ({error.Message}).", error);
        }
        _committed = true;
        TemporaryFiles.Remove(TemporaryPath);
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
        try { File.Delete(path); }
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
