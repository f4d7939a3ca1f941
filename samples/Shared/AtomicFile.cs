namespace GanEstimators.Samples;

/// <summary>Writes a file under a temporary name beside it and then moves it into place, so a crash never leaves half a file.</summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<string> writeTo)
    {
        var temporary = path + ".tmp";
        writeTo(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    public static void WriteAllText(string path, string text) => Write(path, t => File.WriteAllText(t, text));
}
