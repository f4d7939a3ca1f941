using System.Diagnostics;

namespace GanEstimators.Tests.Support;

/// <summary>Runs a child process to its end and returns what it wrote (shared with the fuzz tests as a linked file).</summary>
public static class ChildProcess
{
    /// <summary>
    /// Starts <paramref name="start"/> with both streams redirected and read here, and waits for it. The limit catches a
    /// hang, not a slow run: beside other work a command can take ten times as long as on an idle machine (a two-fold
    /// <c>ganest augment --evaluate</c> took over 3 minutes beside two training processes). A process past the limit is
    /// killed with its children and the test fails naming <paramref name="what"/>.
    /// </summary>
    public static (int ExitCode, string Output, string Error) Run(ProcessStartInfo start, TimeSpan limit, string what)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{what} did not finish in {limit.TotalMinutes:0.#} minutes");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
