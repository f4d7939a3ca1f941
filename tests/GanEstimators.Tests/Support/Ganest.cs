using System.Diagnostics;
using System.Reflection;

namespace GanEstimators.Tests.Support;

/// <summary>Runs the built `ganest` tool in its own process.</summary>
public static class Ganest
{
    /// <summary>
    /// Runs ganest; <c>Output</c> is standard output then standard error, <c>Error</c> standard error alone. The
    /// 15-minute limit is a hang guard (see <see cref="ChildProcess.Run"/>).
    /// </summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) => Run(TimeSpan.FromMinutes(15), arguments);

    /// <summary>As <see cref="Run(string[])"/>, for a command that may take longer than 15 minutes on a busy machine.</summary>
    public static (int ExitCode, string Output, string Error) Run(TimeSpan limit, params string[] arguments)
    {
        var (exitCode, output, error) = ChildProcess.Run(StartInfo(arguments), limit, "ganest");
        return (exitCode, output + error, error);
    }

    /// <summary>The built tool's ganest.dll, beside the library assemblies it loads.</summary>
    public static string ToolPath => typeof(Ganest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GanestPath").Value!;

    /// <summary>Starts ganest with standard output and error redirected; the caller reads them and waits.</summary>
    public static Process Start(params string[] arguments)
    {
        var start = StartInfo(arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return Process.Start(start)!;
    }

    /// <summary>
    /// Starts ganest, sends it SIGTERM once <paramref name="readyToStop"/> holds (checked every 50 ms for up to two
    /// minutes) and <paramref name="delay"/> has passed after that, and waits for it to exit. The test fails if ganest
    /// ends before the signal or does not stop within a minute of it; the process is killed in either case.
    /// </summary>
    public static (int ExitCode, string Error) StopWithSigterm(string[] arguments, Func<bool> readyToStop, TimeSpan delay = default)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("SIGTERM is a POSIX signal");
        using var process = Start(arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var waited = Stopwatch.StartNew();
            while (!readyToStop() && !process.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(50);
            Thread.Sleep(delay);
            if (process.HasExited) Assert.Fail($"ganest ended before it was stopped: {stdout.Result}{stderr.Result}");
            Sigterm(process);
            Assert.IsTrue(process.WaitForExit(60_000), "ganest stops on SIGTERM");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return (process.ExitCode, stderr.Result);
    }

    /// <summary>Sends SIGTERM to <paramref name="process"/> (POSIX only).</summary>
    public static void Sigterm(Process process) => Assert.AreEqual(0, SendSignal(process.Id, signal: 15), "kill(pid, SIGTERM)");

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);

    private static ProcessStartInfo StartInfo(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(ToolPath);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }
}
