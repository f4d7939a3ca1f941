using System.Diagnostics;
using System.Reflection;

namespace GanEstimators.FuzzTests;

/// <summary>Runs the built `ganest` tool in its own process, with standard output and error apart.</summary>
internal static class GanestProcess
{
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var tool = typeof(GanestProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GanestPath").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["OMP_NUM_THREADS"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A hang guard, not a speed check: a machine shared with other work can be ten times slower.
        if (!process.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"ganest {string.Join(" ", arguments)} did not finish in 15 minutes");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
