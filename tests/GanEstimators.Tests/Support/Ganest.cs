using System.Diagnostics;
using System.Reflection;

namespace GanEstimators.Tests.Support;

/// <summary>Runs the built `ganest` tool in its own process.</summary>
public static class Ganest
{
    /// <summary>
    /// Runs ganest; <c>Output</c> is standard output then standard error, <c>Error</c> standard error alone. The limit
    /// catches a hang, not a slow run: beside other work a command can take ten times as long as on an idle machine
    /// (a two-fold <c>augment --evaluate</c> passed 3 minutes beside two training processes).
    /// </summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) => Run(TimeSpan.FromMinutes(15), arguments);

    /// <summary>As <see cref="Run(string[])"/>, for a command that may take longer than 15 minutes on a busy machine.</summary>
    public static (int ExitCode, string Output, string Error) Run(TimeSpan limit, params string[] arguments)
    {
        using var process = Start(arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"ganest did not finish in {limit.TotalMinutes:0.#} minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result, stderr.Result);
    }

    /// <summary>The built tool's ganest.dll, beside the library assemblies it loads.</summary>
    public static string ToolPath => typeof(Ganest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GanestPath").Value!;

    /// <summary>Starts ganest with standard output and error redirected; the caller reads them and waits.</summary>
    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ToolPath);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }
}
