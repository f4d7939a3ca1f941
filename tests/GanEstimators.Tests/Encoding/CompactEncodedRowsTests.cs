using GanEstimators.Encoding;
using GanEstimators.Training;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace GanEstimators.Tests.Encoding;

[TestClass]
public sealed class CompactEncodedRowsTests
{
    public sealed class Row
    {
        public float Amount { get; set; }
        public float Count { get; set; }
        public string City { get; set; } = "";
        public bool Flag { get; set; }
        public DateTime Day { get; set; }
    }

    [TestMethod]
    public void AWideMixedTableIsHeldCompactlyAndGivesTheDenseRowsBitForBit()
    {
        var (encoder, table) = ReadAndFit(rows: 600);
        var dense = encoder.Encode(table.Raw, table.Rows, seed: 7);

        Assert.IsFalse(EncodedRows.Encode(encoder, table, seed: 7, classes: null, classCount: 0).IsCompact, "a small table stays dense");
        var rows = EncodedRows.Encode(encoder, table, seed: 7, classes: null, classCount: 0, denseBytesKeptDense: 0);

        Assert.IsTrue(rows.IsCompact, "one-hot spans dominate this table, so past the size limit it is held compactly");
        using var all = rows.ToTensor(CPU);
        CollectionAssert.AreEqual(Bits(dense), Bits(all.data<float>().ToArray()));

        var some = new[] { 5, 0, 599, 5, 123 };
        using var taken = rows.Take(some).ToTensor(CPU);
        CollectionAssert.AreEqual(Bits(some.SelectMany(r => dense.Skip(r * encoder.EncodedWidth).Take(encoder.EncodedWidth)).ToArray()), Bits(taken.data<float>().ToArray()));

        using var onDevice = rows.ToDevice(CPU);
        using var index = tensor(some.Select(r => (long)r).ToArray());
        using var gathered = onDevice.Gather(index);
        CollectionAssert.AreEqual(Bits(taken.data<float>().ToArray()), Bits(gathered.data<float>().ToArray()));

        var city = encoder.IndexOf("City");
        var offset = encoder.EncodedOffsetOf(city);
        var width = encoder.Columns[city].EncodedWidth;
        for (var r = 0; r < table.Rows; r++)
            Assert.AreEqual(Array.IndexOf(dense, 1f, r * encoder.EncodedWidth + offset, width) - r * encoder.EncodedWidth - offset, rows.HotSlot(r, offset, width));
    }

    private static (TableEncoder Encoder, TrainingTable Table) ReadAndFit(int rows)
    {
        var ml = new MLContext(1);
        var random = new Random(3);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, rows).Select(i => new Row
        {
            Amount = random.NextDouble() < 0.1 ? float.NaN : random.NextDouble() < 0.3 ? 0f : (float)Math.Exp(3 * random.NextDouble()),
            Count = random.Next(5),
            City = random.NextDouble() < 0.05 ? "" : $"city-{(int)(200 * random.NextDouble() * random.NextDouble())}",
            Flag = random.NextDouble() < 0.3,
            Day = new DateTime(2024, 1, 1).AddDays(random.Next(700)),
        }));
        var options = new GanTrainer.Options { FeatureColumnNames = new[] { "Amount", "Count", "City", "Flag", "Day" } };
        var plan = GanTrainingPlan.Resolve(data.Schema, options, null, () => 1);
        var encoder = ColumnEncoderFactory.Create(plan.Features, options, plan.Network.Architecture);
        var table = TrainingTableReader.Read(data, plan.Features, encoder, plan.ConditionColumn);
        encoder.Fit(table, seed: 1);
        return (encoder, table);
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
