namespace GanEstimators.Tests.Cli;

/// <summary>What every failing `ganest` run must look like: exit code 1, one line on stderr naming what is wrong, no stack trace, no files left behind.</summary>
public static class CleanFailures
{
    public static void AssertFailedCleanly((int ExitCode, string Output, string Error) result, string folder, IReadOnlyCollection<string> filesBefore, params string[] named)
    {
        Assert.AreEqual(1, result.ExitCode, result.Output);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.HasCount(1, lines, $"one line on stderr: {result.Error}");
        Assert.DoesNotContain("   at ", result.Output, "no stack trace");
        Assert.DoesNotContain("Unhandled exception", result.Output);
        foreach (var text in named) StringAssert.Contains(lines[0], text);
        CollectionAssert.AreEquivalent(filesBefore.ToArray(), FilesIn(folder), $"nothing is left behind after: {lines[0]}");
    }

    /// <summary>Every file under <paramref name="folder"/>, relative to it.</summary>
    public static string[] FilesIn(string folder) =>
        Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order().ToArray();
}
