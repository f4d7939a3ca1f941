using GanEstimators.Tests.Support;

namespace GanEstimators.Tests.Parquet;

/// <summary>A new empty folder under the test process's root, deleted when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(TempFolders.Root, "parquet-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
