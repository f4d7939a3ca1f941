namespace GanEstimators.Plots;

/// <summary>Writes a file under a unique temporary name beside it and moves it into place, so no reader sees half a file.</summary>
internal static class AtomicFile
{
    public static void Write(string path, byte[] contents)
    {
        var temporary = $"{path}.{Path.GetFileNameWithoutExtension(Path.GetRandomFileName())}.tmp";
        try
        {
            File.WriteAllBytes(temporary, contents);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
