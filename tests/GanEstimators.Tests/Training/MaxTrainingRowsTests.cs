using GanEstimators.Encoding;
using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Training;

[TestClass]
public sealed class MaxTrainingRowsTests
{
    [TestMethod]
    public void ALargerViewIsTrainedOnAReservoirSampleOfThatManyRowsAndTheLogSaysSo()
    {
        var ml = new MLContext(1);
        var logged = new List<string>();
        ml.Log += (_, e) => { lock (logged) logged.Add(e.Message); };
        var options = RingTraining.Options(GanLoss.NonSaturating, epochs: 1);
        options.MaxTrainingRows = 150;

        using var sampler = ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 400));

        Assert.IsTrue(logged.Any(m => m.Contains("uniform sample of 150 of the 400 rows read")), "the reservoir's counts are logged");
        Assert.IsTrue(logged.Any(m => m.Contains("on 150 rows")), "training sees the sample alone");
    }

    [TestMethod]
    public void AViewWithNoMoreRowsThanTheLimitTrainsExactlyAsWithoutIt()
    {
        float[] Train(long? maxRows)
        {
            var ml = new MLContext(1);
            var options = RingTraining.Options(GanLoss.NonSaturating, epochs: 2);
            options.MaxTrainingRows = maxRows;
            using var sampler = ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 400));
            return Columns.Read<float>(sampler.Sample(50, seed: 3), "X");
        }

        CollectionAssert.AreEqual(Train(null), Train(400));
    }

    [TestMethod]
    public void TheSameSeedKeepsTheSameSample()
    {
        float[] Train()
        {
            var ml = new MLContext(1);
            var options = RingTraining.Options(GanLoss.NonSaturating, epochs: 1);
            options.MaxTrainingRows = 100;
            using var sampler = ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 400));
            return Columns.Read<float>(sampler.Sample(50, seed: 3), "X");
        }

        CollectionAssert.AreEqual(Train(), Train());
    }

    [TestMethod]
    public void ANonPositiveLimitIsRefusedNamingTheOption()
    {
        var ml = new MLContext(1);
        var options = RingTraining.Options(GanLoss.NonSaturating, epochs: 1);
        options.MaxTrainingRows = 0;

        var error = Assert.Throws<ArgumentException>(() => ml.Gan().Trainer(options));

        StringAssert.Contains(error.Message, "MaxTrainingRows");
    }

    [TestMethod]
    public void TheReservoirKeepsThatManyRowsTheSameForASeedAndDifferentForAnother()
    {
        var first = Reservoir(rows: 10_000, capacity: 1_000, seed: 5);

        Assert.HasCount(1_000, first);
        Assert.AreEqual(1_000, first.Distinct().Count(), "no row is kept twice");
        CollectionAssert.AreEqual(first, Reservoir(10_000, 1_000, seed: 5));
        CollectionAssert.AreNotEqual(first, Reservoir(10_000, 1_000, seed: 6));
    }

    [TestMethod]
    public void EveryRowIsAsLikelyToBeKept()
    {
        const int rows = 10_000, capacity = 1_000;
        var timesKept = new int[10];
        var means = new List<double>();
        for (var seed = 0; seed < 20; seed++)
        {
            var kept = Reservoir(rows, capacity, seed);
            means.Add(kept.Average());
            foreach (var row in kept) timesKept[row * 10 / rows]++;
        }

        // The mean of 1,000 uniform row numbers of 0..9,999 has a standard deviation of about 91; of 20 such means, about 20.
        Assert.AreEqual((rows - 1) / 2.0, means.Average(), 100);
        // Each tenth of the rows holds a tenth of the 20,000 kept rows: 2,000 ± about 42.
        foreach (var count in timesKept) Assert.AreEqual(2_000, count, 200);
    }

    [TestMethod]
    public void RowNumbersPastTwoToThe31KeepTheRightShareWithoutOverflow()
    {
        const long capacity = 1_000_000_000, index = 3_000_000_000;
        var random = new Random(1);
        var kept = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var slot = RowReservoir.SlotFor(index + i, capacity, random);
            Assert.IsTrue(slot is >= -1 and < capacity, $"slot {slot}");
            if (slot >= 0) kept++;
        }

        // Row 3e9 is kept with probability 1e9 / (3e9 + 1) ≈ 1/3.
        Assert.AreEqual(3_333, kept, 200);
    }

    [TestMethod]
    public void ATableTooLargeForOneArrayIsRefusedNamingTheLimitAndTheWayRoundIt()
    {
        Assert.AreEqual(19_000, TableSize.Length(1_000, 19, "raw"));
        Assert.AreEqual(Array.MaxLength, TableSize.Length(Array.MaxLength, 1, "raw"));

        // 2^28 rows × 16 values = 2^32 values: an int product would wrap to 0.
        var wide = Assert.Throws<ArgumentException>(() => TableSize.Length(1L << 28, 16, "encoded"));
        StringAssert.Contains(wide.Message, "4,294,967,296 values");
        StringAssert.Contains(wide.Message, $"{Array.MaxLength:N0}");
        StringAssert.Contains(wide.Message, "MaxTrainingRows");
        StringAssert.Contains(wide.Message, $"{Array.MaxLength / 16:N0}");

        var tall = Assert.Throws<ArgumentException>(() => TableSize.Length(3_000_000_000, 1, "raw"));
        StringAssert.Contains(tall.Message, "3,000,000,000 rows");
    }

    private static long[] Reservoir(long rows, long capacity, int seed)
    {
        var kept = new long[Math.Min(rows, capacity)];
        var random = new Random(seed);
        for (long row = 0; row < rows; row++)
            if (RowReservoir.SlotFor(row, capacity, random) is var slot and >= 0) kept[slot] = row;
        return kept;
    }
}
