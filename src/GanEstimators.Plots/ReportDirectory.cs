namespace GanEstimators.Plots;

/// <summary>The output directory: created when absent, and checked to be writable before any work is done.</summary>
internal static class ReportDirectory
{
    public static string Prepare(string outputDirectory)
    {
        if (string.IsNullOrWhiteSpace(outputDirectory))
            throw new ArgumentException("The output directory must be named; got an empty path.", nameof(outputDirectory));
        var full = Path.GetFullPath(outputDirectory);
        if (File.Exists(full))
            throw new ArgumentException($"The output directory '{outputDirectory}' is a file; name a directory.", nameof(outputDirectory));
        var probe = Path.Combine(full, $".report-{Path.GetRandomFileName()}.tmp");
        try
        {
            Directory.CreateDirectory(full);
            new FileStream(probe, FileMode.CreateNew, FileAccess.Write).Dispose();
            File.Delete(probe);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"Cannot write to the output directory '{outputDirectory}' ({error.Message}).", nameof(outputDirectory), error);
        }
        return full;
    }
}
