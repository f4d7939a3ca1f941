using System.Diagnostics;
using System.Reflection;
using Microsoft.ML;

namespace GanEstimators.Tests.Support;

/// <summary>Runs GanEstimators.LoadCheck: loads a model in a new process with a fresh MLContext and transforms data there.</summary>
public static class FreshProcess
{
    public static IDataView Transform(MLContext ml, string modelPath, IDataView input, string workDirectory)
    {
        var inputPath = Path.Combine(workDirectory, "input.idv");
        var outputPath = Path.Combine(workDirectory, "output.idv");
        using (var stream = File.Create(inputPath)) ml.Data.SaveAsBinary(input, stream);

        var program = typeof(FreshProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "LoadCheckPath").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { program, modelPath, inputPath, outputPath }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A hang guard, not a speed check (as Ganest.Run's): a machine shared with other work can be ten times slower.
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the load check did not finish in 10 minutes");
        }
        Assert.AreEqual(0, process.ExitCode, $"load check failed:\n{stdout.Result}\n{stderr.Result}");
        return ml.Data.LoadFromBinary(outputPath);
    }
}
