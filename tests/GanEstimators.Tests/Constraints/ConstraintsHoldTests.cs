using Microsoft.ML;
using static GanEstimators.Tests.Constraints.ConstraintData;

namespace GanEstimators.Tests.Constraints;

/// <summary>Each kind of constraint holds on every one of 100,000 sampled rows after a short training run.</summary>
[TestClass]
public sealed class ConstraintsHoldTests
{
    private const int Rows = 100_000;

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void InequalityAndScalarRangeHoldOnEveryRow()
    {
        var ml = new MLContext(1);
        var weather = Weather(ml);
        using var free = ml.Gan().Trainer(Short(WeatherFeatures)).Fit(weather);
        using var constrained = ml.Gan().Trainer(Short(WeatherFeatures,
            GanConstraint.Inequality("temp_min", "temp_max"), GanConstraint.ScalarRange("wind", 0.4, 9.5))).Fit(weather);

        var (freeInverted, freeOutside) = Broken(free.Sample(Rows, seed: 7));
        var (inverted, outside) = Broken(constrained.Sample(Rows, seed: 7));
        Console.WriteLine($"temp_min > temp_max: {freeInverted} rows unconstrained, {inverted} constrained; wind outside [0.4, 9.5]: {freeOutside}, {outside}");
        Assert.IsGreaterThan(0, freeInverted + freeOutside, "without constraints a short run breaks the rules (so this test can fail)");
        Assert.AreEqual(0, inverted, "temp_min <= temp_max on every row");
        Assert.AreEqual(0, outside, "0.4 <= wind <= 9.5 on every row");
    }

    public sealed class Shift
    {
        public float Start { get; set; }
        public int End { get; set; }
        public int Begin { get; set; }
        public float Finish { get; set; }
    }

    [TestMethod]
    public void AnInequalityBetweenAFloatAndAnIntegerColumnHoldsAsTheColumnsAreWritten()
    {
        var ml = new MLContext(1);
        var random = new Random(6);
        // Differences under 1: rounding only one side of the rule (2.3 under an integer 2) would break it often.
        var shifts = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 600).Select(_ =>
        {
            var start = (float)(random.Next(10) + 0.2 + random.NextDouble() * 0.6);
            var begin = random.Next(10);
            return new Shift { Start = start, End = (int)MathF.Ceiling(start), Begin = begin, Finish = begin + (float)random.NextDouble() * 0.4f };
        }));
        var options = Short(new[] { "Start", "End", "Begin", "Finish" }, GanConstraint.Inequality("Start", "End"), GanConstraint.Inequality("Begin", "Finish"));
        using var sampler = ml.Gan().Trainer(options).Fit(shifts);

        var rows = ml.Data.CreateEnumerable<Shift>(sampler.Sample(Rows, seed: 3), reuseRowObject: false).ToArray();
        var startAfterEnd = rows.Where(r => r.Start > r.End).Select(r => $"{r.Start} > {r.End}").ToArray();
        var beginAfterFinish = rows.Where(r => r.Begin > r.Finish).Select(r => $"{r.Begin} > {r.Finish}").ToArray();
        Assert.IsEmpty(startAfterEnd, "Start <= End on every row: " + string.Join(", ", startAfterEnd.Take(3)));
        Assert.IsEmpty(beginAfterFinish, "Begin <= Finish on every row: " + string.Join(", ", beginAfterFinish.Take(3)));
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void FixedCombinationsHoldOnEveryRowAndKeepExactConditions()
    {
        var ml = new MLContext(1);
        var notes = new List<string>();
        ml.Log += (_, e) =>
        {
            if (e.Message.Contains("took a seen one")) lock (notes) notes.Add(e.Message);
        };
        var penguins = Penguins(ml);
        var seen = Pairs(penguins, "island", "species");
        using var free = ml.Gan().Trainer(Short(PenguinFeatures)).Fit(penguins);
        using var constrained = ml.Gan().Trainer(Short(PenguinFeatures, GanConstraint.FixedCombinations("island", "species"))).Fit(penguins);
        // Island and species are a pair the sampler keeps to its seen combinations by default; this test is about the constraint.
        free.KeepSeenPairs = constrained.KeepSeenPairs = false;

        var freeUnseen = Pairs(free.Sample(Rows, seed: 3), "island", "species").Except(seen).Count();
        var sample = constrained.Sample(Rows, seed: 3);
        var unseen = Column<string>(sample, "island").Zip(Column<string>(sample, "species")).Count(p => !seen.Contains(p));
        Console.WriteLine($"unseen island/species pairs: {freeUnseen} kinds unconstrained, {unseen} rows constrained");
        Assert.AreEqual(0, unseen, "every row's island and species occur together in the training rows");
        Assert.IsGreaterThan(0, freeUnseen, "without the constraint a short run pairs them freely (so this test can fail)");
        Assert.IsNotEmpty(notes, "the log says how many rows were changed");
        StringAssert.Contains(notes[0], $"of {Rows} generated rows had a combination never seen in training", "the log says how many rows were changed");
        notes.Clear();
        Assert.HasCount(3 * 2048, Column<string>(constrained.SampleRange(1_000, 3 * 2048, seed: 3), "island"));
        Assert.HasCount(1, notes, "a range logs its repairs once, not once per 2,048-row block");
        StringAssert.Contains(notes[0], $"of {4 * 2048} generated rows", "the blocks the range generated whole");

        var dream = constrained.Sample(10_000, new Dictionary<string, string> { ["island"] = "Dream" }, seed: 4);
        CollectionAssert.AreEqual(new[] { "Dream" }, Column<string>(dream, "island").Distinct().ToArray(), "an exact condition is kept");
        CollectionAssert.IsSubsetOf(Column<string>(dream, "species").Distinct().ToArray(), new[] { "Adelie", "Chinstrap" }, "the other column follows the island");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void UniqueNumbersEveryRowAfterTheLargestTrainingValue()
    {
        var ml = new MLContext(1);
        var random = new Random(2);
        var table = ml.Data.LoadFromEnumerable(Enumerable.Range(1, 300).Select(i => new Account { Id = i * 3, Balance = (float)random.NextDouble() }).ToArray());
        var options = Short(new[] { nameof(Account.Id), nameof(Account.Balance) }, GanConstraint.Unique(nameof(Account.Id)));
        options.BatchSize = 100;
        using var sampler = ml.Gan().Trainer(options).Fit(table);

        var ids = Column<int>(sampler.Sample(Rows, seed: 1), nameof(Account.Id));
        Assert.AreEqual(Rows, ids.Distinct().Count(), "every id differs");
        Assert.AreEqual(901, ids.Min(), "numbering starts after the largest training id (900)");
        var shards = Column<int>(sampler.SampleRange(0, 3_000, seed: 1), nameof(Account.Id)).Concat(Column<int>(sampler.SampleRange(3_000, 2_500, seed: 1), nameof(Account.Id))).ToArray();
        CollectionAssert.AreEqual(Enumerable.Range(901, 5_500).ToArray(), shards, "a range numbers its rows by their place in the stream, so shards never repeat an id");
        var augmented = Column<int>(ml.Gan().Augment(table, sampler, new GanEstimators.Augmentation.GanAugmentationOptions { SyntheticRowCount = 2_500, ChunkSize = 1_000, Seed = 1 }), nameof(Account.Id));
        CollectionAssert.AreEqual(Enumerable.Range(901, 2_500).ToArray(), augmented.Skip(300).ToArray(), "augmentation's chunks number their rows as one sample, after the real rows' largest id");

        // Ids are exact up to 2^24 (raw values are floats): a sample that would pass it is refused when asked for, not half-way through reading it.
        var tooMany = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => sampler.Sample(int.MaxValue, seed: 1));
        StringAssert.Contains(tooMany.Message, "more than the 16777216 column 'Id' can hold exactly");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => sampler.SampleRange((1 << 24) - 900, 1, seed: 1));
        CollectionAssert.AreEqual(new[] { 1 << 24 }, Column<int>(sampler.SampleRange((1 << 24) - 901, 1, seed: 1), nameof(Account.Id)), "the last row that can be numbered, in the middle of its block");
    }

    private static (int Inverted, int Outside) Broken(IDataView sample)
    {
        var low = Column<float>(sample, "temp_min");
        var high = Column<float>(sample, "temp_max");
        var wind = Column<float>(sample, "wind");
        Assert.HasCount(Rows, low);
        return (low.Zip(high).Count(p => p.First > p.Second), wind.Count(w => !(w >= 0.4f && w <= 9.5f)));
    }

    public sealed class Account
    {
        public int Id { get; set; }
        public float Balance { get; set; }
    }
}
