namespace GanEstimators.Samples;

/// <summary>Where the samples find `data/` and write their output, whatever the working directory.</summary>
internal static class RepositoryRoot
{
    /// <summary>The folder holding GanEstimators.sln above the program, else the working directory.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GanEstimators.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
