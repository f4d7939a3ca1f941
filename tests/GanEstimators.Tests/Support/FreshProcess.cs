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
        var start = new ProcessStartInfo("dotnet");
        foreach (var argument in new[] { program, modelPath, inputPath, outputPath }) start.ArgumentList.Add(argument);
        var run = ChildProcess.Run(start, TimeSpan.FromMinutes(10), "the load check");
        Assert.AreEqual(0, run.ExitCode, $"load check failed:\n{run.Output}\n{run.Error}");
        return ml.Data.LoadFromBinary(outputPath);
    }
}
