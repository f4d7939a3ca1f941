using System.Diagnostics;
using System.Reflection;
using GanEstimators.Tests.Support;

namespace GanEstimators.Tests.Readme;

/// <summary>
/// Every ```csharp block of README.md compiles and runs as pasted. Each block becomes the Program.cs of a console
/// project generated under this test's output folder (inside the repository, so it gets the repository's package
/// versions and the TorchSharp native fix, as an app gets them from the GanEstimators package), referencing the built
/// GanEstimators, GanEstimators.Evaluation, GanEstimators.DataFrame, GanEstimators.Plots and TorchSharp-cpu, with the
/// repository's analyzers off (an app does not have them) and compiler warnings as errors. It runs with the repository's data/ folder in its working directory.
/// The one change to the pasted code: every <c>Epochs = N</c> becomes <c>Epochs = 2</c>. Blocks marked
/// ```csharp fragment are not compiled; any other marker fails the test.
/// </summary>
[TestClass]
public sealed class ReadmeProgramsTests
{
    private const int Epochs = 2;

    private static string Metadata(string key) =>
        typeof(ReadmeProgramsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static string RepoRoot => Metadata("RepoRoot");

    [TestMethod]
    public void TheReadmeHasAWholeProgramAndEveryBlockIsMarkedKnowingly()
    {
        var blocks = ReadmeCodeBlocks.Read(File.ReadAllText(Path.Combine(RepoRoot, "README.md")));
        Assert.IsTrue(blocks.Any(b => !b.IsFragment), "the Quick start is a whole program");
        Assert.ThrowsExactly<FormatException>(() => ReadmeCodeBlocks.Read("```csharp fragmnet\nvar x = 1;\n```\n"));
        Assert.AreEqual("Epochs = 2,\n", ReadmeCodeBlocks.WithEpochs("Epochs = 300,\n", 2));
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void EveryCSharpBlockOfTheReadmeCompilesAndRuns()
    {
        var blocks = ReadmeCodeBlocks.Read(File.ReadAllText(Path.Combine(RepoRoot, "README.md")));
        foreach (var block in blocks.Where(b => !b.IsFragment))
        {
            var project = Path.Combine(AppContext.BaseDirectory, "readme-blocks", $"line{block.Line}");
            WriteProject(project, ReadmeCodeBlocks.WithEpochs(block.Code, Epochs));

            var configuration = Metadata("Configuration");
            var build = Run(project, "dotnet", "build", "-c", configuration, "-p:BuildProjectReferences=false", "-nodeReuse:false", "-clp:ErrorsOnly");
            Assert.AreEqual(0, build.ExitCode, $"README.md's C# block at line {block.Line} does not compile:\n{build.Output}");

            var workDirectory = Path.Combine(TempFolders.Root, $"readme-line{block.Line}");
            if (Directory.Exists(workDirectory)) Directory.Delete(workDirectory, recursive: true);
            Directory.CreateDirectory(workDirectory);
            Directory.CreateSymbolicLink(Path.Combine(workDirectory, "data"), Path.Combine(RepoRoot, "data"));
            var run = Run(workDirectory, "dotnet", Path.Combine(project, "bin", configuration, "net10.0", "ReadmeBlock.dll"));
            Assert.AreEqual(0, run.ExitCode, $"README.md's C# block at line {block.Line} failed when run:\n{run.Output}");

            if (block.Code.Contains(".Log +=", StringComparison.Ordinal))
            {
                StringAssert.Contains(run.Output, "GAN training on", "the log says which device trains");
                StringAssert.Contains(run.Output, $"Epoch {Epochs}/{Epochs}", "the log shows the epochs");
            }
        }
    }

    private static void WriteProject(string folder, string program)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
        File.WriteAllText(Path.Combine(folder, "ReadmeBlock.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <EnableNETAnalyzers>false</EnableNETAnalyzers>
                <EnforceCodeStyleInBuild>false</EnforceCodeStyleInBuild>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TorchSharp-cpu" />
                <ProjectReference Include="{RepoRoot}src/GanEstimators/GanEstimators.csproj" />
                <ProjectReference Include="{RepoRoot}src/GanEstimators.Evaluation/GanEstimators.Evaluation.csproj" />
                <ProjectReference Include="{RepoRoot}src/GanEstimators.DataFrame/GanEstimators.DataFrame.csproj" />
                <ProjectReference Include="{RepoRoot}src/GanEstimators.Parquet/GanEstimators.Parquet.csproj" />
                <ProjectReference Include="{RepoRoot}src/GanEstimators.Plots/GanEstimators.Plots.csproj" />
              </ItemGroup>
            </Project>
            """);
    }

    private static (int ExitCode, string Output) Run(string workDirectory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workDirectory };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var run = ChildProcess.Run(start, TimeSpan.FromMinutes(10), $"{program} {string.Join(' ', arguments)}");
        return (run.ExitCode, run.Output + run.Error);
    }
}
