using GanEstimators.Evaluation.Images;
using GanEstimators.Parquet;
using GanEstimators.Plots;
using GanEstimators.Tests.Support;
using Mono.Cecil;
using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Tests.Architecture;

/// <summary>
/// No code the product ships leaves a TorchSharp scalar to the garbage collector while libtorch may read it: the cause
/// of the rare "Expected false to be true … toDouble" crashes that <c>GarbageCollectionTests</c> provokes on the paths
/// it trains. This check reads every method of every product assembly, so it covers the paths no test runs too.
/// </summary>
[TestClass]
public sealed class TemporaryScalarTests
{
    [TestMethod]
    public void NoProductCodeLeavesAScalarToTheCollector()
    {
        using var reading = new Reading();
        var toolDirectory = Path.GetDirectoryName(Ganest.ToolPath)!;
        var assemblies = new[]
        {
            typeof(GanTrainer).Assembly.Location, typeof(FrechetDistance).Assembly.Location,
            typeof(GanDataFrameExtensions).Assembly.Location, typeof(ParquetDataOperations).Assembly.Location,
            typeof(QualityReport).Assembly.Location, Ganest.ToolPath, Path.Combine(toolDirectory, "GanEstimators.Orleans.dll"),
        };
        var found = assemblies.SelectMany(path => reading.Check.FindIn(reading.Read(path).GetTypes()).Select(f => $"{Path.GetFileName(path)}: {f}")).ToArray();
        Assert.AreEqual(0, found.Length,
            "Hold the scalar in a field or a `using var` local (TorchScalars, RootedArithmetic.Plus, RootedFunctions), or use the library's " +
            "rooted replacement of the TorchSharp method or module:\n" + string.Join("\n", found));
    }

    [TestMethod]
    public void TheCheckSeesEachKindOfTemporaryAndAcceptsHeldScalars()
    {
        using var reading = new Reading();
        var examples = reading.Read(typeof(TemporaryScalarTests).Assembly.Location).GetType(typeof(Examples).FullName!.Replace('+', '/'));
        var found = reading.Check.FindIn(new[] { examples }).ToArray();

        Assert.AreEqual(4, found.Length, string.Join("\n", found));
        StringAssert.Contains(found.Single(f => f.Contains("::MadeOnTheSpot:")), "makes a scalar it does not hold");
        StringAssert.Contains(found.Single(f => f.Contains("::AddedWithAnAlphaMadeInside:")), "op_Addition");
        StringAssert.Contains(found.Single(f => f.Contains("::ModuleFromAFactory:")), "TorchSharp.Modules.LeakyReLU, whose forward");
        StringAssert.Contains(found.Single(f => f.Contains("::OptimizerFromAFactory:")), "TorchSharp.Modules.Adam, whose step");
        Assert.IsTrue(reading.Check.MakerCount > 100, $"only {reading.Check.MakerCount} TorchSharp methods found to make scalars");
    }

    /// <summary>Four sites the check must report and two it must accept; read as IL, never run.</summary>
    private static class Examples
    {
        private static readonly Scalar Rooted = 2.0.ToScalar();

        public static Tensor MadeOnTheSpot(Tensor x) => x.mul(2.0);

        public static Tensor AddedWithAnAlphaMadeInside(Tensor x, Tensor y) => x + y;

        public static nn.Module<Tensor, Tensor> ModuleFromAFactory() => nn.LeakyReLU(0.2);

        public static optim.Optimizer OptimizerFromAFactory(nn.Module module) => optim.Adam(module.parameters());

        public static Tensor HeldInAField(Tensor x) => x.mul(Rooted);

        public static Tensor HeldInALocal(Tensor x)
        {
            using var two = 2.0.ToScalar();
            return x.mul(two);
        }
    }

    /// <summary>TorchSharp's IL read once, and the assemblies read beside it with a resolver that finds their references.</summary>
    private sealed class Reading : IDisposable
    {
        private readonly DefaultAssemblyResolver _resolver = new();
        private readonly List<ModuleDefinition> _modules = new();

        public Reading()
        {
            _resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(torch).Assembly.Location)!);
            _resolver.AddSearchDirectory(Path.GetDirectoryName(Ganest.ToolPath)!);
            Check = new TemporaryScalars(Read(typeof(torch).Assembly.Location));
        }

        public TemporaryScalars Check { get; }

        public ModuleDefinition Read(string path)
        {
            var module = ModuleDefinition.ReadModule(path, new ReaderParameters { AssemblyResolver = _resolver });
            _modules.Add(module);
            return module;
        }

        public void Dispose()
        {
            foreach (var module in _modules) module.Dispose();
            _resolver.Dispose();
        }
    }
}
