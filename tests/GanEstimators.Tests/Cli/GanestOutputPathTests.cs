using GanEstimators.Tests.Support;
using static GanEstimators.Tests.Cli.CleanFailures;

namespace GanEstimators.Tests.Cli;

/// <summary>Output paths are checked before any work, and files are written whole or not at all.</summary>
[TestClass]
public sealed class GanestOutputPathTests : GanestTestFolder
{
    [TestMethod]
    public void TrainRefusesAModelPathItCannotWriteBeforeTraining()
    {
        var data = Path.Combine(Folder, "train.csv");
        File.WriteAllLines(data, new[] { TinyModel.Header }.Concat(TinyModel.Rows(60)));
        Directory.CreateDirectory(Path.Combine(Folder, "adir"));
        var before = FilesIn(Folder);

        // So many epochs that a run which trained first would not finish within the test's time limit.
        string[] Train(string model) => new[] { "train", "--data", data, "--model", model, "--epochs", "1000000" };
        AssertFailedCleanly(Ganest.Run(Train(Path.Combine(Folder, "nosuchdir", "m.zip"))), Folder, before, "--model", "nosuchdir", "does not exist");
        AssertFailedCleanly(Ganest.Run(Train(Path.Combine(Folder, "adir"))), Folder, before, "--model", "adir", "is a directory");
        AssertFailedCleanly(Ganest.Run(Train(Path.Combine(Folder, "train.csv", "m.zip"))), Folder, before, "--model", "is a file, not a directory");
        AssertFailedCleanly(Ganest.Run(Train(data)), Folder, before, "--model", "same file as --data");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void SampleEvaluateAndAugmentRefuseOutputPathsTheyCannotWrite()
    {
        var model = TinyModel.Model;
        var synthetic = Path.Combine(Folder, "synthetic.csv");
        Assert.AreEqual(0, Ganest.Run("sample", "--model", model, "--count", "20", "--out", synthetic).ExitCode);
        Directory.CreateDirectory(Path.Combine(Folder, "adir"));
        var before = FilesIn(Folder);
        var missing = Path.Combine(Folder, "nosuchdir", "x");
        var directory = Path.Combine(Folder, "adir");

        AssertFailedCleanly(Ganest.Run("sample", "--model", model, "--count", "5", "--out", missing), Folder, before, "--out", "nosuchdir", "does not exist");
        AssertFailedCleanly(Ganest.Run("sample", "--model", model, "--count", "5", "--out", directory), Folder, before, "--out", "adir", "is a directory");
        AssertFailedCleanly(Ganest.Run("evaluate", "--real", TinyModel.Data, "--synthetic", synthetic, "--json", missing), Folder, before, "--json", "nosuchdir", "does not exist");
        AssertFailedCleanly(Ganest.Run("evaluate", "--real", TinyModel.Data, "--synthetic", synthetic, "--json", directory), Folder, before, "--json", "adir", "is a directory");
        AssertFailedCleanly(Ganest.Run("evaluate", "--real", TinyModel.Data, "--synthetic", synthetic, "--json", synthetic), Folder, before, "--json", "same file as --synthetic");
        AssertFailedCleanly(Ganest.Run("augment", "--data", TinyModel.Data, "--model", model, "--count", "5", "--out", missing), Folder, before, "--out", "nosuchdir", "does not exist");
        AssertFailedCleanly(Ganest.Run("augment", "--data", TinyModel.Data, "--model", model, "--count", "5", "--out", directory), Folder, before, "--out", "adir", "is a directory");
    }

    [TestMethod]
    public void AnOutputDirectoryWithoutWritePermissionIsRefused()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("Unix permissions");
            return;
        }
        var locked = Path.Combine(Folder, "locked");
        Directory.CreateDirectory(locked);
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            if (CanCreateFileIn(locked)) Assert.Inconclusive("this user (root?) can write into a read-only directory");
            var result = Ganest.Run("sample", "--model", TinyModel.Model, "--count", "5", "--out", Path.Combine(locked, "x.csv"));
            AssertFailedCleanly(result, locked, Array.Empty<string>(), "--out", "cannot create a file");
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [TestMethod]
    public void CountMustBeAPositiveNumber()
    {
        var before = FilesIn(Folder);
        var output = Path.Combine(Folder, "x.csv");
        AssertFailedCleanly(Ganest.Run("sample", "--model", TinyModel.Model, "--count", "0", "--out", output), Folder, before, "--count", "positive", "got 0");
        AssertFailedCleanly(Ganest.Run("sample", "--model", TinyModel.Model, "--count", "-7", "--out", output), Folder, before, "--count", "got -7");
        AssertFailedCleanly(Ganest.Run("sample", "--model", TinyModel.Model, "--count", "lots", "--out", output), Folder, before, "--count", "'lots'");
        AssertFailedCleanly(Ganest.Run("sample", "--model", TinyModel.Model, "--out", output), Folder, before, "--count", "required");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void SamplesWritingTheSameFileAtOnceEachSucceedAndTheFileIsOneWholeRun()
    {
        var output = Path.Combine(Folder, "race.csv");
        var counts = new[] { 30_000, 40_000, 50_000 };
        var runs = counts
            .Select(count => Task.Run(() => Ganest.Run("sample", "--model", TinyModel.Model, "--count", count.ToString(), "--out", output, "--seed", "1")))
            .ToArray();
        Task.WaitAll(runs);

        foreach (var run in runs) Assert.AreEqual(0, run.Result.ExitCode, run.Result.Output);
        var lines = File.ReadAllLines(output);
        CollectionAssert.Contains(counts, lines.Length - 1, $"the file is one run's header and rows, not a mix: {lines.Length} lines");
        Assert.AreEqual(TinyModel.Header, lines[0]);
        CollectionAssert.AreEqual(new[] { "race.csv" }, FilesIn(Folder), "no temporary file is left");
    }

    [TestMethod]
    public void StoppingTrainingWithSigtermLeavesNoFileBehind()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("POSIX signals");
            return;
        }
        var data = Path.Combine(Folder, "train.csv");
        File.WriteAllLines(data, new[] { TinyModel.Header }.Concat(TinyModel.Rows(60)));
        var (exitCode, error) = Ganest.StopWithSigterm(
            new[] { "train", "--data", data, "--model", Path.Combine(Folder, "m.zip"), "--epochs", "1000000" },
            readyToStop: () => Directory.EnumerateFiles(Folder, "*.tmp").Any(),
            delay: TimeSpan.FromSeconds(1));   // into training
        Assert.AreEqual(130, exitCode, error);
        StringAssert.Contains(error, "stopped (SIGTERM)");
        CollectionAssert.AreEqual(new[] { "train.csv" }, FilesIn(Folder), "the temporary model file is deleted");
    }

    [TestMethod]
    public void StoppingASampleIntoParquetPartsLeavesNoPartBehind()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("POSIX signals");
            return;
        }
        var parts = Path.Combine(Folder, "parts") + Path.DirectorySeparatorChar;
        // Stopped once a part is written, so parts lie in the temporary folder when the signal comes.
        var (exitCode, error) = Ganest.StopWithSigterm(
            new[] { "sample", "--model", TinyModel.Model, "--count", "100000000", "--part-rows", "20000", "--threads", "1", "--out", parts },
            readyToStop: () => Directory.EnumerateFiles(Folder, "*.parquet", SearchOption.AllDirectories).Any());
        Assert.AreEqual(130, exitCode, error);
        CollectionAssert.AreEqual(Array.Empty<string>(), FilesIn(Folder), "neither the parts directory nor its temporary folder is left");
    }

    private static bool CanCreateFileIn(string directory)
    {
        try
        {
            File.WriteAllText(Path.Combine(directory, "probe"), "");
            File.Delete(Path.Combine(directory, "probe"));
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
