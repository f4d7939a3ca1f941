using GanEstimators.Evaluation;

namespace GanEstimators.Tests.Evaluation;

/// <summary>The trainer's assembly carries no evaluation: FastTree comes only with GanEstimators.Evaluation.</summary>
[TestClass]
public sealed class PackageSplitTests
{
    [TestMethod]
    public void TheCoreAssemblyReferencesOnlyMicrosoftMLTorchSharpAndTheRuntime()
    {
        var referenced = typeof(GanTrainer).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        var unexpected = referenced.Where(name => !IsRuntime(name) && !IsFromMicrosoftMLPackage(name) && name != "TorchSharp").ToArray();
        Assert.IsEmpty(unexpected, $"GanEstimators references {string.Join(", ", unexpected)}; the core package depends on Microsoft.ML and TorchSharp only.");
    }

    [TestMethod]
    public void TheEvaluationTypesLiveInTheEvaluationAssembly()
    {
        Assert.AreEqual("GanEstimators.Evaluation", typeof(TabularFidelityMetrics).Assembly.GetName().Name);
        Assert.AreEqual("GanEstimators.Evaluation", typeof(GanCatalogEvaluationExtensions).Assembly.GetName().Name);
    }

    private static bool IsRuntime(string name) =>
        name == "netstandard" || name == "mscorlib" || name == "System" || name.StartsWith("System.", StringComparison.Ordinal);

    // The assemblies of the Microsoft.ML package itself; FastTree, LightGBM, ImageAnalytics ... are packages of their own.
    private static bool IsFromMicrosoftMLPackage(string name) => name is "Microsoft.ML" or "Microsoft.ML.Core"
        or "Microsoft.ML.Data" or "Microsoft.ML.DataView" or "Microsoft.ML.CpuMath" or "Microsoft.ML.StandardTrainers"
        or "Microsoft.ML.Transforms" or "Microsoft.ML.KMeansClustering" or "Microsoft.ML.PCA";
}
