using System.Security.Cryptography;
using Microsoft.ML;

namespace GanEstimators.Orleans;

/// <summary>
/// Writes rows to a part file so that a reader never sees half a part: the rows go to a hidden temporary file in the
/// same directory, which is flushed to disk and then moved over the final name. A failed write deletes its temporary.
/// </summary>
internal static class PartFile
{
    public static (string Sha256, long Bytes) Write(IDataView rows, string directory, string fileName)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Output directory '{directory}' does not exist on this silo ({Environment.MachineName}); create it on storage every silo can write to.");
        var final = Path.Combine(directory, fileName);
        var temporary = Path.Combine(directory, $".{fileName}.{Guid.NewGuid():N}.partial");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                PartFormat.Write(rows, stream);
                stream.Flush(flushToDisk: true);
            }
            var (sha, bytes) = Checksum(temporary);
            File.Move(temporary, final, overwrite: true);   // a retried shard writes the same bytes again
            return (sha, bytes);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static (string Sha256, long Bytes) Checksum(string path)
    {
        using var stream = File.OpenRead(path);
        return (Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant(), stream.Length);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
