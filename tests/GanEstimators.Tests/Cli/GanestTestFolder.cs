using GanEstimators.Tests.Support;
namespace GanEstimators.Tests.Cli;

/// <summary>A fresh, empty folder per test for the files a ganest run reads and writes.</summary>
public abstract class GanestTestFolder
{
    public TestContext TestContext { get; set; } = null!;

    protected string Folder { get; private set; } = "";

    [TestInitialize]
    public void FreshFolder()
    {
        Folder = Path.Combine(TempFolders.Root, TestContext.TestName!);
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        Directory.CreateDirectory(Folder);
    }
}
