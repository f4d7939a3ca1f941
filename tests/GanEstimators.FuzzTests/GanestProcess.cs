using System.Diagnostics;
using System.Reflection;
using GanEstimators.Tests.Support;

namespace GanEstimators.FuzzTests;

/// <summary>Runs the built `ganest` tool in its own process, with standard output and error apart.</summary>
internal static class GanestProcess
{
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var tool = typeof(GanestProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GanestPath").Value!;
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(tool);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["OMP_NUM_THREADS"] = "1";
        return ChildProcess.Run(start, TimeSpan.FromMinutes(15), $"ganest {string.Join(" ", arguments)}");
    }
}
