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

    private static ProcessStartInfo StartInfo(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(ToolPath);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }
}
