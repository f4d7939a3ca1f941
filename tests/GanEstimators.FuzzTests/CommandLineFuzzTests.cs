using System.Globalization;

namespace GanEstimators.FuzzTests;

/// <summary>
/// Random tables, valid and damaged, through <c>ganest train</c> and then <c>ganest sample</c>: every run must either
/// succeed (a model; a CSV of the asked rows with the training header) or fail with exit code 1 and one line on
/// standard error — never a stack trace, never an unhandled exception — and leave nothing behind but what it wrote.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class CommandLineFuzzTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void RandomTablesTrainAndSampleOrFailInOneLine()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ganest-fuzz-cli", Guid.NewGuid().ToString("N"))).FullName;
        var random = new Random(FuzzScale.Seed);
        var cases = FuzzScale.Cases(16);
        var (trained, refused) = (0, 0);
        try
        {
            for (var i = 0; i < cases; i++)
            {
                var (bytes, what) = RandomTables.Make(random);
                var label = $"case {i} ({what}, seed {FuzzScale.Seed})";
                var data = Path.Combine(folder, $"table-{i}.csv");
                var model = Path.Combine(folder, $"model-{i}.zip");
                File.WriteAllBytes(data, bytes);
                var train = GanestProcess.Run("train", "--data", data, "--model", model, "--epochs", "1", "--threads", "1");
                AssertCleanOutcome(train, label + ", train");
                if (train.ExitCode != 0)
                {
                    refused++;
                    AssertOnly(folder, label, data);
                    File.Delete(data);
                    continue;
                }
                trained++;
                var synthetic = Path.Combine(folder, $"synthetic-{i}.csv");
                var count = 1 + random.Next(200);
                var sample = GanestProcess.Run("sample", "--model", model, "--count", count.ToString(CultureInfo.InvariantCulture), "--out", synthetic, "--seed", "1");
                AssertCleanOutcome(sample, label + ", sample");
                Assert.AreEqual(0, sample.ExitCode, $"{label}: a model ganest trained samples: {sample.Error}");
                Assert.AreEqual(count + 1, CsvRecords(File.ReadAllText(synthetic)), $"{label}: the header and {count} rows");
                AssertOnly(folder, label, data, model, synthetic);
                foreach (var file in new[] { data, model, synthetic }) File.Delete(file);
            }
            TestContext.WriteLine($"{cases} random tables: {trained} trained and sampled, {refused} refused in one line");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Records of a CSV text: line ends outside quotes (a generated category may hold a quoted line break).</summary>
    private static int CsvRecords(string text)
    {
        var (records, quoted) = (0, false);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"') quoted = !quoted;
            else if (text[i] == '\n' && !quoted) records++;
        }
        return text.Length > 0 && text[^1] != '\n' ? records + 1 : records;
    }

    private static void AssertCleanOutcome((int ExitCode, string Output, string Error) run, string label)
    {
        var all = run.Output + run.Error;
        Assert.IsFalse(all.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase), $"{label}: {all}");
        Assert.IsFalse(all.Contains("   at ", StringComparison.Ordinal), $"{label}: a stack trace: {all}");
        if (run.ExitCode == 0) return;
        Assert.AreEqual(1, run.ExitCode, $"{label}: {all}");
        var errorLines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.HasCount(1, errorLines, $"{label}: one line on standard error: {run.Error}");
    }

    private static void AssertOnly(string folder, string label, params string[] expected)
    {
        var present = Directory.GetFileSystemEntries(folder).Order().ToArray();
        CollectionAssert.AreEquivalent(expected.Where(File.Exists).ToArray(), present, $"{label}: nothing else left in the folder: {string.Join(", ", present.Select(Path.GetFileName))}");
    }
}
