using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;

namespace GanEstimators.NotebookTests;

/// <summary>
/// Runs samples/Notebook/GanEstimators.ipynb with the .NET Interactive C# kernel in this process, cell by cell, and fails
/// on the first cell that fails (a compile error, an exception, a failed check inside the notebook). The first cell's
/// <c>#r "nuget: …"</c> lines are what a user runs; offline, the test references the same assemblies from its own
/// output folder instead (each package that cell names must be one of them) and runs every other cell as written.
/// </summary>
[TestClass]
public sealed partial class SampleNotebookTests
{
    private static string RepoRoot =>
        typeof(SampleNotebookTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    private static string NotebookFolder => Path.Combine(RepoRoot, "samples", "Notebook");

    /// <summary>Each package of the first cell → an assembly of it that the test references instead.</summary>
    private static readonly Dictionary<string, string> PackageAssemblies = new()
    {
        ["GanEstimators.DataFrame"] = "GanEstimators.DataFrame.dll",
        ["TorchSharp-cpu"] = "TorchSharp.dll",
        ["ScottPlot"] = "ScottPlot.dll",
    };

    /// <summary>What the packages bring that the cells use by name (the kernel compiles against these).</summary>
    private static readonly string[] ReferencedAssemblies =
    {
        "GanEstimators.dll", "GanEstimators.Evaluation.dll", "GanEstimators.DataFrame.dll", "Microsoft.Data.Analysis.dll",
        "Microsoft.ML.Core.dll", "Microsoft.ML.Data.dll", "Microsoft.ML.DataView.dll", "TorchSharp.dll", "ScottPlot.dll",
    };

    [GeneratedRegex("""^#r\s+"nuget:\s*([^,"\s]+)\s*(,\s*[^"]+)?"\s*$""")]
    private static partial Regex NugetReference();

    private static InteractiveDocument ReadNotebook() =>
        Notebook.Parse(File.ReadAllText(Path.Combine(NotebookFolder, "GanEstimators.ipynb")),
            new KernelInfoCollection { new Microsoft.DotNet.Interactive.Documents.KernelInfo("csharp") });

    [TestMethod]
    public void TheFirstCellReferencesThePackagesAndNothingElse()
    {
        var first = ReadNotebook().Elements.First(e => e.KernelName == "csharp");
        var packages = first.Contents.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => NugetReference().Match(line))
            .Select(m => m.Success ? m.Groups[1].Value : throw new AssertFailedException($"The first cell holds only #r \"nuget: …\" lines; found another line."))
            .ToArray();
        CollectionAssert.AreEquivalent(PackageAssemblies.Keys.ToArray(), packages, "the packages the first cell names, each mapped to an assembly this test references");
    }

    [TestMethod]
    [TestCategory("Slow")]
    public async Task EveryCellRuns()
    {
        var cells = ReadNotebook().Elements.Where(e => e.KernelName == "csharp").ToArray();
        Assert.IsGreaterThan(5, cells.Length, "the notebook's code cells");
        using var kernel = new CSharpKernel().UseKernelHelpers();
        kernel.AddAssemblyReferences(ReferencedAssemblies.Select(name => Path.Combine(AppContext.BaseDirectory, name)));
        var images = 0;
        using var displayed = kernel.KernelEvents.Subscribe(e =>
        {
            if (e is DisplayEvent display && display.FormattedValues.Any(v => v.Value.Contains("data:image/png;base64,", StringComparison.Ordinal))) images++;
        });

        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = NotebookFolder;   // where VS Code runs it: ../../data is the repository's data
        try
        {
            foreach (var (cell, index) in cells.Select((c, i) => (c, i)).Skip(1))
            {
                var result = await kernel.SubmitCodeAsync(cell.Contents);
                var failure = result.Events.OfType<CommandFailed>().FirstOrDefault();
                if (failure is not null)
                    Assert.Fail($"Code cell {index + 1} of {cells.Length} failed: {failure.Message}\n--- cell ---\n{cell.Contents}");
            }
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
        Assert.IsGreaterThanOrEqualTo(3, images, "the loss curves, a histogram and the pair plot are shown as PNG images");
    }
}
