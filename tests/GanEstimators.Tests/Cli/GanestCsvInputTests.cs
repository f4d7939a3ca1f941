using System.Text;
using GanEstimators.Tests.Support;
using static GanEstimators.Tests.Cli.CleanFailures;

namespace GanEstimators.Tests.Cli;

/// <summary>CSV files are read as RFC 4180 (quoted line breaks), as UTF-8, with a comma, semicolon or tab separator.</summary>
[TestClass]
public sealed class GanestCsvInputTests : GanestTestFolder
{
    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void QuotedFieldsWithLineBreaksAreReadAndWrittenBack()
    {
        var data = Path.Combine(Folder, "notes.csv");
        var notes = new[] { "\"two\nlines\"", "plain", "\"say \"\"hi\"\",\nthen go\"" };
        File.WriteAllText(data, "id,note\n" + string.Concat(Enumerable.Range(0, 60).Select(i => $"{i % 5},{notes[i % 3]}\n")));
        var synthetic = TrainOneEpochAndSample(data, 30);
        var text = File.ReadAllText(synthetic);
        var rows = Records(text);
        Assert.HasCount(31, rows, text);
        CollectionAssert.IsSubsetOf(rows.Skip(1).Select(r => r[(r.IndexOf(',') + 1)..]).Distinct().ToArray(), notes, "every note is written back quoted as it was read");
        Assert.AreEqual(0, Ganest.Run("evaluate", "--real", data, "--synthetic", synthetic).ExitCode, "evaluate reads both files");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void NumbersWithAnExponentOrManyDecimalsAreWrittenWithTheirDigits()
    {
        var data = Path.Combine(Folder, "exponents.csv");
        var random = new Random(3);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        // A dose written as pandas writes small floats (1.5e-07), and a ratio with 17 decimals (more than a CSV keeps).
        File.WriteAllText(data, "dose,ratio\n" + string.Concat(Enumerable.Range(0, 80).Select(i =>
            $"{(1 + random.NextDouble() * 8).ToString("0.0", invariant)}e-07,{random.NextDouble().ToString("F17", invariant)}\n")));
        var synthetic = TrainOneEpochAndSample(data, 40);
        var doses = File.ReadAllLines(synthetic).Skip(1).Select(l => double.Parse(l.Split(',')[0], invariant)).ToArray();
        Assert.IsGreaterThan(30, doses.Count(d => d != 0), $"doses of the order of 1e-7 keep their digits: {string.Join(' ', doses.Take(5))}");
    }

    /// <summary>`ganest train` for one epoch on <paramref name="data"/>, then `ganest sample` of <paramref name="count"/> rows (seed 1); the sample's path.</summary>
    private static string TrainOneEpochAndSample(string data, int count)
    {
        var model = Path.ChangeExtension(data, ".zip");
        var train = Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1");
        Assert.AreEqual(0, train.ExitCode, train.Output);
        var synthetic = Path.ChangeExtension(data, ".out.csv");
        var sample = Ganest.Run("sample", "--model", model, "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", synthetic, "--seed", "1");
        Assert.AreEqual(0, sample.ExitCode, sample.Output);
        return synthetic;
    }

    [TestMethod]
    public void AFileThatIsNotUtf8IsRefusedNamingTheLineAndOffset()
    {
        var data = Path.Combine(Folder, "latin1.csv");
        File.WriteAllBytes(data, System.Text.Encoding.Latin1.GetBytes("city,n\nOslo,1\nTroms\u00f8,2\n"));
        var before = FilesIn(Folder);
        AssertFailedCleanly(Ganest.Run("train", "--data", data, "--model", Path.Combine(Folder, "m.zip"), "--epochs", "1"), Folder, before,
            "--data", "latin1.csv", "not UTF-8", "line 3", "byte offset 19");
        AssertFailedCleanly(Ganest.Run("evaluate", "--real", TinyModel.Data, "--synthetic", data), Folder, before, "--synthetic", "not UTF-8");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void SemicolonAndTabSeparatedFilesAreReadAsColumns()
    {
        foreach (var (name, separator) in new[] { ("semicolon.csv", ";"), ("tab.tsv", "\t") })
        {
            var data = Path.Combine(Folder, name);
            File.WriteAllLines(data, new[] { TinyModel.Header }.Concat(TinyModel.Rows(60)).Select(line => line.Replace(",", separator)));
            var model = Path.Combine(Folder, name + ".zip");
            var train = Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1");
            Assert.AreEqual(0, train.ExitCode, train.Output);

            var synthetic = Path.Combine(Folder, name + ".out.csv");
            Assert.AreEqual(0, Ganest.Run("sample", "--model", model, "--count", "40", "--out", synthetic, "--seed", "1").ExitCode);
            var lines = File.ReadAllLines(synthetic);
            Assert.AreEqual(TinyModel.Header, lines[0], "three columns, written comma-separated");
            foreach (var fields in lines.Skip(1).Select(l => l.Split(',')))
            {
                Assert.HasCount(3, fields);
                Assert.IsTrue(double.TryParse(fields[0], System.Globalization.CultureInfo.InvariantCulture, out _), $"x is a number: {fields[0]}");
                Assert.Contains(fields[2], new[] { "red", "green", "blue" });
            }
        }
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void AGivenSeparatorIsUsedInsteadOfTheDetectedOne()
    {
        var data = Path.Combine(Folder, "pipes.csv");
        File.WriteAllLines(data, new[] { TinyModel.Header }.Concat(TinyModel.Rows(60)).Select(line => line.Replace(",", "|")));
        var model = Path.Combine(Folder, "pipes.zip");
        var train = Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", "--separator", "|");
        Assert.AreEqual(0, train.ExitCode, train.Output);

        var synthetic = Path.Combine(Folder, "pipes.out.csv");
        Assert.AreEqual(0, Ganest.Run("sample", "--model", model, "--count", "10", "--out", synthetic, "--seed", "1").ExitCode);
        Assert.AreEqual(TinyModel.Header, File.ReadAllLines(synthetic)[0], "three columns, written comma-separated");
        var evaluate = Ganest.Run("evaluate", "--real", data, "--synthetic", synthetic, "--separator", "|");
        Assert.AreEqual(0, evaluate.ExitCode, $"evaluate takes it for --real; --synthetic, written by sample, is detected: {evaluate.Output}");
    }

    [TestMethod]
    public void ASeparatorThatCannotSeparateIsRefused()
    {
        var before = FilesIn(Folder);
        string[] Train(string separator) => new[] { "train", "--data", TinyModel.Data, "--model", Path.Combine(Folder, "m.zip"), "--epochs", "1", "--separator", separator };

        AssertFailedCleanly(Ganest.Run(Train("ab")), Folder, before, "--separator 'ab' is not a separator", "comma, semicolon, tab");
        AssertFailedCleanly(Ganest.Run(Train("\"")), Folder, before, "--separator cannot be a double quote");
    }

    [TestMethod]
    public void BrokenRowsAreNamedByRowAndLine()
    {
        var before = FilesIn(Folder).Append("unclosed.csv").Append("short.csv").Append("empty.csv").Order().ToArray();
        var unclosed = Path.Combine(Folder, "unclosed.csv");
        File.WriteAllText(unclosed, "a,b\n1,\"x\ny\"\n2,\"open\n3,z\n");
        var shortRow = Path.Combine(Folder, "short.csv");
        File.WriteAllText(shortRow, "a,b\n1,\"x\ny\"\n2\n");
        var empty = Path.Combine(Folder, "empty.csv");
        File.WriteAllText(empty, "");
        string[] Train(string data) => new[] { "train", "--data", data, "--model", Path.Combine(Folder, "m.zip"), "--epochs", "1" };

        AssertFailedCleanly(Ganest.Run(Train(unclosed)), Folder, before, "--data", "row 3 (line 4)", "quoted field is never closed");
        AssertFailedCleanly(Ganest.Run(Train(shortRow)), Folder, before, "--data", "row 3 (line 4) has 1 fields; the header has 2");
        AssertFailedCleanly(Ganest.Run(Train(empty)), Folder, before, "--data", "is empty");
        AssertFailedCleanly(Ganest.Run(Train(Path.Combine(Folder, "nosuch.csv"))), Folder, before, "--data", "does not exist");
        AssertFailedCleanly(Ganest.Run(Train(Folder)), Folder, before, "--data", "is a directory");
    }

    /// <summary>The records of RFC 4180 text (a quoted field may span lines), each as its raw text.</summary>
    private static List<string> Records(string text)
    {
        var records = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var ch in text)
        {
            if (ch == '"') quoted = !quoted;
            if (ch == '\n' && !quoted) { records.Add(current.ToString()); current.Clear(); }
            else current.Append(ch);
        }
        if (current.Length > 0) records.Add(current.ToString());
        return records;
    }
}
