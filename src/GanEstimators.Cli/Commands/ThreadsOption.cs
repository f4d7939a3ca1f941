using System.CommandLine;

namespace GanEstimators.Cli.Commands;

/// <summary><c>--threads</c> of the commands that generate rows (<c>sample</c>, <c>augment</c>): <see cref="GanSampler.NumberOfThreads"/>.</summary>
internal static class ThreadsOption
{
    public static Option<int?> Create() =>
        new("--threads") { Description = "libtorch CPU threads while generating (default: one fewer than the processors this process may use, at least 1, so that one other busy process does not stall sampling)" };

    /// <summary>Checks the count before the model is loaded, with the library's own rule, reported as <c>--threads</c>.</summary>
    public static void Check(int? threads) =>
        LibraryChecks.Run(() => GanSampler.ValidateNumberOfThreads(threads), new[] { (nameof(GanSampler.NumberOfThreads), "--threads") });
}
