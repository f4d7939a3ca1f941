using GanEstimators.Tests.Support;
using GanEstimators.Tests.Tabular;
using Microsoft.ML;

namespace GanEstimators.Tests.Sampling;

[TestClass]
public sealed class SampleRangeTests
{
    private const long First = 3_000;   // not on a block boundary
    private const int Rows = 100_000;
    private static GanSampler _sampler = null!;

    [ClassInitialize]
    public static void Train(TestContext _)
    {
        var ml = new MLContext(1);
        var options = MixedTable.Options(epochs: 2);
        options.FeatureColumnNames = options.FeatureColumnNames.Where(c => c != "City").ToArray();
        options.ConditionColumnName = "City";
        _sampler = ml.Gan().Trainer(options).Fit(MixedTable.Load(ml, count: 400));
    }

    [ClassCleanup]
    public static void Dispose() => _sampler.Dispose();

    public static IEnumerable<object[]> Requests() => new[]
    {
        new object[] { "unconditional", new Dictionary<string, string>() },
        new object[] { "class", new Dictionary<string, string> { ["City"] = "Bergen" } },
        new object[] { "exact", new Dictionary<string, string> { ["City"] = "Tromsø", ["Sunny"] = "True" } },
    };

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    [DynamicData(nameof(Requests))]
    public void AnySplitIntoShardsConcatenatesToTheRowsOfOneCall(string request, Dictionary<string, string> conditions)
    {
        var whole = RowText.Of(_sampler.SampleRange(First, Rows, seed: 5, conditions));
        Assert.HasCount(Rows, whole);
        for (var split = 0; split < 2; split++)
        {
            var cuts = Cuts(new Random(split + request.Length));
            var shards = cuts.Zip(cuts.Skip(1), (from, to) => RowText.Of(_sampler.SampleRange(First + from, to - from, seed: 5, conditions)));
            CollectionAssert.AreEqual(whole, shards.SelectMany(s => s).ToArray(), $"{request} request, split {string.Join(",", cuts)}");
        }
    }

    // 0, random cuts with an empty and a one-row shard among them, Rows.
    private static long[] Cuts(Random random)
    {
        var cuts = Enumerable.Range(0, 10).Select(_ => (long)random.Next(1, Rows - 1)).ToList();
        cuts.Add(cuts[0]);
        cuts.Add(cuts[1] + 1);
        cuts.Add(0);
        cuts.Add(Rows);
        return cuts.Order().ToArray();
    }

    [TestMethod]
    public void ShardsOfOneCallAgreeForAClassAndAnExactCondition()
    {
        var conditions = new Dictionary<string, string> { ["City"] = "Tromsø", ["Sunny"] = "True" };
        var whole = RowText.Of(_sampler.SampleRange(2040, 20, seed: 3, conditions));
        var parts = RowText.Of(_sampler.SampleRange(2040, 9, seed: 3, conditions)).Concat(RowText.Of(_sampler.SampleRange(2049, 0, seed: 3, conditions)))
            .Concat(RowText.Of(_sampler.SampleRange(2049, 1, seed: 3, conditions))).Concat(RowText.Of(_sampler.SampleRange(2050, 10, seed: 3, conditions)));
        CollectionAssert.AreEqual(whole, parts.ToArray());
        var ml = new MLContext(1);
        var rows = ml.Data.CreateEnumerable<MixedTable.Row>(_sampler.SampleRange(2040, 20, seed: 3, conditions), reuseRowObject: false).ToArray();
        Assert.IsTrue(rows.All(r => r.City == "Tromsø" && r.Sunny));
        Assert.IsTrue(Columns.Read<ReadOnlyMemory<char>>(_sampler.SampleRange(0, 50, 3, "Bergen"), "City").All(c => c.ToString() == "Bergen"));
    }

    [TestMethod]
    public void ARangeFarIntoTheStreamStartsThereWithoutReplayingIt()
    {
        const long far = 1_000_000_000_000;
        var tail = RowText.Of(_sampler.SampleRange(far - 5, 10, seed: 4));
        CollectionAssert.AreEqual(tail.Skip(5).ToArray(), RowText.Of(_sampler.SampleRange(far, 5, seed: 4)));
    }

    [TestMethod]
    public void SeedsAndStartsGiveOtherRows()
    {
        var rows = RowText.Of(_sampler.SampleRange(0, 100, seed: 1));
        CollectionAssert.AreNotEqual(rows, RowText.Of(_sampler.SampleRange(0, 100, seed: 2)));
        CollectionAssert.AreNotEqual(rows, RowText.Of(_sampler.SampleRange(100, 100, seed: 1)));
        CollectionAssert.AreEqual(rows, RowText.Of(_sampler.SampleRange(0, 100, seed: 1)), "a range gives the same rows every time");
        Assert.AreEqual(100L, _sampler.SampleRange(5, 100, seed: 1).GetRowCount());
    }

    [TestMethod]
    public void AnEmptyRangeIsAnEmptyViewWithTheSampleSchema()
    {
        var empty = _sampler.SampleRange(7, 0, seed: 1);
        Assert.AreEqual(0L, empty.GetRowCount());
        Assert.IsEmpty(RowText.Of(empty));
        CollectionAssert.AreEqual(_sampler.Sample(1, seed: 1).Schema.Select(c => c.Name).ToArray(), empty.Schema.Select(c => c.Name).ToArray());
    }

    [TestMethod]
    public void InvalidRangesAreRefusedNamingTheArgument()
    {
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => _sampler.SampleRange(-1, 5, seed: 1)).ParamName, "start");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => _sampler.SampleRange(0, -5, seed: 1)).ParamName, "count");
        var past = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => _sampler.SampleRange(long.MaxValue - 3, 5, seed: 1));
        Assert.AreEqual("count", past.ParamName);
        StringAssert.Contains(past.Message, "ends past row");
        var unknown = Assert.ThrowsExactly<ArgumentException>(() => _sampler.SampleRange(0, 5, 1, "Paris"));
        StringAssert.Contains(unknown.Message, "'Paris'");
        Assert.ThrowsExactly<ArgumentNullException>(() => _sampler.SampleRange(0, 5, 1, (IReadOnlyDictionary<string, string>)null!));
    }
}
