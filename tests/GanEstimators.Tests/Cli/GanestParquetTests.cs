using GanEstimators.Parquet;
using GanEstimators.Tests.Parquet;
using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;
using Parquet;

namespace GanEstimators.Tests.Cli;

/// <summary>ganest reads training data from Parquet and writes samples to Parquet files or directories of parts.</summary>
[TestClass]
public sealed class GanestParquetTests : GanestTestFolder
{
    // Every type the CLI carries: integers, numbers and dates with missing values, categories with missing values,
    // booleans, a condition column, and numbers of the order of 1e-7 (which 6 decimals would write as 0).
    private string WriteTable()
    {
        var csv = Path.Combine(Folder, "table.csv");
        var random = new Random(3);
        File.WriteAllLines(csv, new[] { "visitors,amount,day,color,sunny,city,dose" }.Concat(Enumerable.Range(0, 240).Select(i =>
            string.Join(",",
                random.Next(1, 9),
                random.NextDouble() < 0.4 ? "" : (2 + random.NextDouble()).ToString("F2", System.Globalization.CultureInfo.InvariantCulture),
                random.NextDouble() < 0.3 ? "" : new DateTime(2021, 1, 1).AddDays(random.Next(200)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                random.NextDouble() < 0.4 ? "" : new[] { "red", "green", "blue" }[random.Next(3)],
                random.Next(2) == 0 ? "true" : "false",
                i % 2 == 0 ? "Oslo" : "Bergen",
                ((1 + random.NextDouble()) * 1e-7).ToString("E3", System.Globalization.CultureInfo.InvariantCulture)))));
        var ml = new MLContext(1);
        var loaded = ml.Data.LoadFromTextFile(csv, new TextLoader.Options
        {
            HasHeader = true,
            Separators = new[] { ',' },
            MissingRealsAsNaNs = true,
            Columns = new[]
            {
                new TextLoader.Column("visitors", DataKind.Int64, 0), new TextLoader.Column("amount", DataKind.Single, 1),
                new TextLoader.Column("day", DataKind.DateTime, 2), new TextLoader.Column("color", DataKind.String, 3),
                new TextLoader.Column("sunny", DataKind.Boolean, 4), new TextLoader.Column("city", DataKind.String, 5),
                new TextLoader.Column("dose", DataKind.Double, 6),
            },
        });
        var parquet = Path.Combine(Folder, "table.parquet");
        ml.Data.SaveAsParquet(loaded, parquet);
        return parquet;
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public async Task ATableRoundTripsThroughTrainingAndSamplingWithItsTypesAndNulls()
    {
        var data = WriteTable();
        var model = Path.Combine(Folder, "model.zip");
        var train = Ganest.Run("train", "--data", data, "--model", model, "--epochs", "3", "--condition-column", "city", "--threads", "1");
        Assert.AreEqual(0, train.ExitCode, train.Output);

        var synthetic = Path.Combine(Folder, "synthetic.parquet");
        var sample = Ganest.Run("sample", "--model", model, "--count", "600", "--out", synthetic, "--seed", "1", "--threads", "1");
        Assert.AreEqual(0, sample.ExitCode, sample.Output);

        await using var reader = await ParquetReader.CreateAsync(synthetic);
        var fields = reader.Schema.DataFields.ToDictionary(f => f.Name);
        CollectionAssert.AreEqual(new[] { "visitors", "amount", "day", "color", "sunny", "city", "dose" }, reader.Schema.DataFields.Select(f => f.Name).ToArray());
        Assert.AreEqual(typeof(long), fields["visitors"].ClrType, "integers stay integers");
        Assert.AreEqual(typeof(float), fields["amount"].ClrType);
        Assert.AreEqual(typeof(DateTime), fields["day"].ClrType, "dates are dates");
        Assert.AreEqual(typeof(bool), fields["sunny"].ClrType, "booleans stay booleans");
        var back = new MLContext(1).Data.LoadFromParquet(synthetic);
        Assert.AreEqual(600L, back.GetRowCount());
        Assert.AreEqual(TextDataViewType.Instance, back.Schema["color"].Type, "categories are strings");
        Assert.IsTrue(Columns.Read<float>(back, "amount").Any(float.IsNaN), "missing amounts come back as nulls");
        Assert.IsTrue(Columns.Read<ReadOnlyMemory<char>>(back, "color").Any(c => c.IsEmpty), "missing colors come back as nulls");
        Assert.IsTrue(Columns.Read<DateTime>(back, "day").Any(d => d == default), "missing days come back as nulls");
        CollectionAssert.IsSubsetOf(Columns.Read<long>(back, "visitors").Distinct().ToArray(), Enumerable.Range(1, 8).Select(v => (long)v).ToArray());

        var csv = Path.Combine(Folder, "synthetic.csv");
        Assert.AreEqual(0, Ganest.Run("sample", "--model", model, "--count", "600", "--out", csv, "--seed", "1").ExitCode, "a Parquet-trained model also samples to CSV");
        var lines = File.ReadAllLines(csv);
        Assert.AreEqual("visitors,amount,day,color,sunny,city,dose", lines[0]);
        Assert.HasCount(601, lines);
        Assert.IsTrue(lines.Skip(1).All(l => l.Split(',')[4] is "True" or "False"), lines[1]);
        var doses = lines.Skip(1).Select(l => l.Split(',')[6]).ToArray();
        Assert.IsGreaterThan(500, doses.Count(d => double.Parse(d, System.Globalization.CultureInfo.InvariantCulture) is > 1e-8 and < 1e-6),
            $"values of the order of 1e-7 keep their digits in CSV: {string.Join(' ', doses.Take(5))}");

        var evaluate = Ganest.Run("evaluate", "--real", data, "--synthetic", synthetic);
        Assert.AreEqual(0, evaluate.ExitCode, evaluate.Output);
        StringAssert.Contains(evaluate.Output, "240 / 600");
        var augmented = Path.Combine(Folder, "augmented.parquet");
        var augment = Ganest.Run("augment", "--data", data, "--model", model, "--out", augmented, "--count", "60", "--threads", "1");
        Assert.AreEqual(0, augment.ExitCode, augment.Output);
        var rows = new MLContext(1).Data.LoadFromParquet(augmented);
        Assert.AreEqual(300L, rows.GetRowCount());
        Assert.AreEqual(BooleanDataViewType.Instance, rows.Schema["sunny"].Type);
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void PartsAndRangesGiveTheRowsOfOneFile()
    {
        var model = Path.Combine(Folder, "model.zip");
        Assert.AreEqual(0, Ganest.Run("train", "--data", WriteTable(), "--model", model, "--epochs", "1", "--threads", "1").ExitCode);
        var ml = new MLContext(1);
        string[] Sample(string output, params string[] more)
        {
            var run = Ganest.Run(new[] { "sample", "--model", model, "--out", output, "--seed", "4", "--threads", "1" }.Concat(more).ToArray());
            Assert.AreEqual(0, run.ExitCode, run.Output);
            return RowText.Of(ml.Data.LoadFromParquet(output));
        }

        var whole = Sample(Path.Combine(Folder, "whole.parquet"), "--count", "500");
        var parts = Path.Combine(Folder, "parts") + Path.DirectorySeparatorChar;
        CollectionAssert.AreEqual(whole, Sample(parts, "--count", "500", "--part-rows", "200"));
        Assert.HasCount(3, Directory.GetFiles(parts, "*.parquet"));

        var range = Sample(Path.Combine(Folder, "range.parquet"), "--count", "500", "--start", "0");
        var first = Sample(Path.Combine(Folder, "first.parquet"), "--count", "123", "--start", "0");
        var rest = Sample(Path.Combine(Folder, "rest.parquet"), "--count", "377", "--start", "123");
        CollectionAssert.AreEqual(range, first.Concat(rest).ToArray(), "adjacent ranges concatenate to one range");

        var notEmpty = Ganest.Run("sample", "--model", model, "--out", parts, "--count", "5");
        Assert.AreNotEqual(0, notEmpty.ExitCode);
        StringAssert.Contains(notEmpty.Error, "not empty");
        var noSeed = Ganest.Run("sample", "--model", model, "--out", Path.Combine(Folder, "x.parquet"), "--count", "5", "--start", "3");
        StringAssert.Contains(noSeed.Error, "--start needs --seed");
    }
}
