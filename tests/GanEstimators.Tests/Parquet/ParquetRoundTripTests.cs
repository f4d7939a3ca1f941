using GanEstimators.Parquet;
using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;
using Parquet;
using Parquet.Schema;

namespace GanEstimators.Tests.Parquet;

[TestClass]
public sealed class ParquetRoundTripTests
{
    public sealed class Row
    {
        public int Count { get; set; }
        public long Big { get; set; }
        public float Ratio { get; set; }
        public double Amount { get; set; }
        public bool Flag { get; set; }
        public DateTime Day { get; set; }
        public string Kind { get; set; } = "";
    }

    private static Row[] Rows(int count) => Enumerable.Range(0, count).Select(i => new Row
    {
        Count = i - 3,
        Big = 10_000_000_000L * i,
        Ratio = i % 4 == 0 ? float.NaN : i / 3f,
        Amount = i % 5 == 0 ? double.NaN : i * 1.25,
        Flag = i % 2 == 0,
        Day = i % 6 == 0 ? default : new DateTime(2020, 1, 1).AddHours(7 * i),
        Kind = i % 7 == 0 ? "" : $"k{i % 3}",
    }).ToArray();

    [TestMethod]
    public void EveryScalarTypeComesBackWithItsTypeAndItsMissingValues()
    {
        using var folder = new TempFolder();
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Rows(50));
        var path = folder.File("table.parquet");
        Assert.AreEqual(50L, ml.Data.SaveAsParquet(data, path, new ParquetSaveOptions { RowGroupRows = 8 }));

        var back = ml.Data.LoadFromParquet(path);
        CollectionAssert.AreEqual(data.Schema.Select(c => c.Type).ToArray(), back.Schema.Select(c => c.Type).ToArray());
        CollectionAssert.AreEqual(RowText.Of(data), RowText.Of(back));
        Assert.AreEqual(50L, back.GetRowCount());
    }

    [TestMethod]
    public async Task MissingValuesAreWrittenAsNullsAndDatesAsTimestamps()
    {
        using var folder = new TempFolder();
        var ml = new MLContext(1);
        var path = folder.File("table.parquet");
        ml.Data.SaveAsParquet(ml.Data.LoadFromEnumerable(Rows(12)), path);

        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields.ToDictionary(f => f.Name);
        Assert.AreEqual(typeof(int), fields["Count"].ClrType);
        Assert.IsFalse(fields["Count"].IsNullable, "integers are required columns");
        Assert.AreEqual(typeof(long), fields["Big"].ClrType);
        Assert.AreEqual(typeof(bool), fields["Flag"].ClrType);
        Assert.AreEqual(typeof(DateTime), fields["Day"].ClrType);
        Assert.AreEqual(DateTimeFormat.Timestamp, ((DateTimeDataField)fields["Day"]).DateTimeFormat);
        using var group = reader.OpenRowGroupReader(0);
        var ratios = new float?[12];
        await group.ReadAsync<float>(fields["Ratio"], ratios.AsMemory());
        Assert.AreEqual(3, ratios.Count(r => r is null), "rows 0, 4 and 8 had NaN");
        var kinds = new string?[12];
        await group.ReadAsync(fields["Kind"], kinds.AsMemory()!);
        Assert.AreEqual(2, kinds.Count(k => k is null), "rows 0 and 7 had empty text");
        var days = new DateTime?[12];
        await group.ReadAsync<DateTime>(fields["Day"], days.AsMemory());
        Assert.AreEqual(2, days.Count(d => d is null));
        Assert.AreEqual(new DateTime(2020, 1, 1).AddHours(7), days[1]);
    }

    [TestMethod]
    public async Task NullIntegersReadAsDoubleWithNaNAndNullBooleansAsText()
    {
        using var folder = new TempFolder();
        var path = folder.File("nulls.parquet");
        var count = new DataField<int?>("count");
        var flag = new DataField<bool?>("flag");
        var whole = new DataField<long?>("whole");   // nullable in the schema, but no nulls: stays Int64
        await WriteParquet(path, new ParquetSchema(count, flag, whole), async group =>
        {
            await group.WriteAsync<int>(count, new int?[] { 1, null, 3 });
            await group.WriteAsync<bool>(flag, new bool?[] { true, null, false });
            await group.WriteAsync<long>(whole, new long?[] { 4, 5, 6 });
        });

        var data = new MLContext(1).Data.LoadFromParquet(path);
        Assert.AreEqual(NumberDataViewType.Double, data.Schema["count"].Type);
        Assert.AreEqual(TextDataViewType.Instance, data.Schema["flag"].Type);
        Assert.AreEqual(NumberDataViewType.Int64, data.Schema["whole"].Type);
        var counts = Columns.Read<double>(data, "count");
        Assert.AreEqual(1.0, counts[0]);
        Assert.IsTrue(double.IsNaN(counts[1]));
        CollectionAssert.AreEqual(new[] { "True", "", "False" }, Columns.Read<ReadOnlyMemory<char>>(data, "flag").Select(f => f.ToString()).ToArray());
        CollectionAssert.AreEqual(new[] { 4L, 5L, 6L }, Columns.Read<long>(data, "whole"));
    }

    [TestMethod]
    public async Task ANullableLongBeyondTwoToThe53IsRefusedRatherThanRounded()
    {
        using var folder = new TempFolder();
        var path = folder.File("ids.parquet");
        var id = new DataField<long?>("id");
        await WriteParquet(path, new ParquetSchema(id), group => group.WriteAsync<long>(id, new long?[] { -(1L << 53), null, (1L << 53) + 1 }));

        var data = new MLContext(1).Data.LoadFromParquet(path);

        Assert.AreEqual(NumberDataViewType.Double, data.Schema["id"].Type, "nulls: read as Double");
        var error = Assert.ThrowsExactly<InvalidDataException>(() => Columns.Read<double>(data, "id"));
        StringAssert.Contains(error.Message, "'id'");
        StringAssert.Contains(error.Message, "9007199254740993");
        StringAssert.Contains(error.Message, "ids.parquet");
    }

    [TestMethod]
    public void ADirectoryOfPartsIsWrittenAndReadAsOneTable()
    {
        using var folder = new TempFolder();
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Rows(20));
        var directory = folder.File("parts");
        Assert.AreEqual(20L, ml.Data.SaveAsParquetParts(data, directory, rowsPerPart: 7, new ParquetSaveOptions { RowGroupRows = 3 }));

        CollectionAssert.AreEqual(new[] { "part-00000.parquet", "part-00001.parquet", "part-00002.parquet" },
            Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        CollectionAssert.AreEqual(RowText.Of(data), RowText.Of(ml.Data.LoadFromParquet(directory)));
        Assert.AreEqual(1, Directory.GetFileSystemEntries(folder.Path).Length, "no temporary directory is left beside it");

        var error = Assert.ThrowsExactly<IOException>(() => ml.Data.SaveAsParquetParts(data, directory, 7));
        StringAssert.Contains(error.Message, "not empty");
    }

    [TestMethod]
    public void PartsAreReadInNumberOrderPastFiveDigitsAndHiddenFilesAreNotParts()
    {
        using var folder = new TempFolder();
        var ml = new MLContext(1);
        var rows = Rows(9);
        var directory = Directory.CreateDirectory(folder.File("many")).FullName;
        // The names a directory of more than 100,000 parts has: "part-100000" sorts before "part-99999" by characters.
        ml.Data.SaveAsParquet(ml.Data.LoadFromEnumerable(rows[..3]), Path.Combine(directory, "part-99999.parquet"));
        ml.Data.SaveAsParquet(ml.Data.LoadFromEnumerable(rows[3..6]), Path.Combine(directory, "part-100000.parquet"));
        ml.Data.SaveAsParquet(ml.Data.LoadFromEnumerable(rows[6..]), Path.Combine(directory, "part-100001.parquet"));
        File.WriteAllText(Path.Combine(directory, "._part-99999.parquet"), "macOS resource fork");
        File.WriteAllText(Path.Combine(directory, "_temporary.parquet"), "a writer's leftover");

        CollectionAssert.AreEqual(RowText.Of(ml.Data.LoadFromEnumerable(rows)), RowText.Of(ml.Data.LoadFromParquet(directory)));
    }

    [TestMethod]
    public void AnEmptyViewGivesOneEmptyPartWithItsColumns()
    {
        using var folder = new TempFolder();
        var ml = new MLContext(1);
        var directory = folder.File("empty");
        Assert.AreEqual(0L, ml.Data.SaveAsParquetParts(ml.Data.LoadFromEnumerable(Array.Empty<Row>()), directory, 5));
        var back = ml.Data.LoadFromParquet(directory);
        Assert.AreEqual(0L, back.GetRowCount());
        Assert.AreEqual(7, back.Schema.Count);
        Assert.IsEmpty(RowText.Of(back));
    }

    [TestMethod]
    public void AFailedWriteLeavesNoFileAndKeepsTheOldOne()
    {
        using var folder = new TempFolder();
        var ml = new MLContext(1);
        var path = folder.File("table.parquet");
        File.WriteAllText(path, "old");
        var failing = ml.Data.LoadFromEnumerable(FailingRows());
        Assert.ThrowsExactly<InvalidOperationException>(() => ml.Data.SaveAsParquet(failing, path, new ParquetSaveOptions { RowGroupRows = 4 }));
        Assert.AreEqual("old", File.ReadAllText(path));
        CollectionAssert.AreEqual(new[] { "table.parquet" }, Directory.GetFiles(folder.Path).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public void AFailedWriteToAStreamLeavesNoReadableFileInIt()
    {
        using var folder = new TempFolder();
        var ml = new MLContext(1);
        var path = folder.File("stream.parquet");
        using (var stream = File.Create(path))
        {
            var error = Assert.ThrowsExactly<InvalidOperationException>(
                () => ml.Data.SaveAsParquet(ml.Data.LoadFromEnumerable(FailingRows()), stream, new ParquetSaveOptions { RowGroupRows = 4 }));
            Assert.AreEqual("the source failed half-way", error.Message, "the source's own error");
            Assert.IsGreaterThan(0L, stream.Length, "two row groups were written before the failure");
        }

        Assert.ThrowsExactly<InvalidDataException>(() => ml.Data.LoadFromParquet(path), "no footer: not taken for a file of 8 rows");
    }

    private static IEnumerable<Row> FailingRows()
    {
        foreach (var row in Rows(10)) yield return row;
        throw new InvalidOperationException("the source failed half-way");
    }

    [TestMethod]
    public void UnwritableAndUnreadableInputsAreNamed()
    {
        using var folder = new TempFolder();
        var ml = new MLContext(1);
        var vectors = ml.Data.LoadFromEnumerable(new[] { new VectorRow { Pixels = new float[] { 1, 2 } } });
        var path = folder.File("v.parquet");
        var unsupported = Assert.ThrowsExactly<NotSupportedException>(() => ml.Data.SaveAsParquet(vectors, path));
        StringAssert.Contains(unsupported.Message, "'Pixels'");
        Assert.IsFalse(File.Exists(path));
        Assert.IsEmpty(Directory.GetFiles(folder.Path));

        var notParquet = folder.File("not.parquet");
        File.WriteAllText(notParquet, "a,b\n1,2\n");
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => ml.Data.LoadFromParquet(notParquet)).Message, notParquet);
        StringAssert.Contains(Assert.ThrowsExactly<FileNotFoundException>(() => ml.Data.LoadFromParquet(folder.File("missing.parquet"))).Message, "missing.parquet");
    }

    [TestMethod]
    public void PartsWithOtherColumnsAreRefusedNamingThePart()
    {
        using var folder = new TempFolder();
        var ml = new MLContext(1);
        var directory = Directory.CreateDirectory(folder.File("mixed")).FullName;
        ml.Data.SaveAsParquet(ml.Data.LoadFromEnumerable(Rows(3)), Path.Combine(directory, "a.parquet"));
        ml.Data.SaveAsParquet(ml.Data.LoadFromEnumerable(new[] { new VectorRow() }.Select(_ => new { X = 1f })), Path.Combine(directory, "b.parquet"));
        var error = Assert.ThrowsExactly<InvalidDataException>(() => ml.Data.LoadFromParquet(directory));
        StringAssert.Contains(error.Message, "b.parquet");
    }

    public sealed class VectorRow
    {
        [VectorType(2)]
        public float[] Pixels { get; set; } = new float[2];
    }

    private static async Task WriteParquet(string path, ParquetSchema schema, Func<ParquetRowGroupWriter, Task> write)
    {
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        await write(group);
    }
}
