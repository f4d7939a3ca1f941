namespace GanEstimators.Plots;

/// <summary>
/// Writes files under unique temporary names beside them and moves them into place, so no reader sees half a file.
/// </summary>
internal static class AtomicFile
{
    /// <summary>
    /// Writes every file's temporary first and moves them into place only once all are written: running out of disk
    /// space half-way leaves the directory as it was rather than new plots beside an old report.
    /// </summary>
    public static void WriteAll(IReadOnlyList<(string Path, byte[] Contents)> files)
    {
        var written = new List<(string Temporary, string Path)>();
        try
        {
            foreach (var (path, contents) in files)
            {
                var temporary = $"{path}.{Path.GetFileNameWithoutExtension(Path.GetRandomFileName())}.tmp";
                written.Add((temporary, path));
                using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write);
                stream.Write(contents);
                stream.Flush(flushToDisk: true);   // on disk before the rename, so a crash cannot leave an empty file under the name
            }
        }
        catch
        {
            foreach (var (temporary, _) in written) File.Delete(temporary);
            throw;
        }
        foreach (var (temporary, path) in written) File.Move(temporary, path, overwrite: true);
    }
}
