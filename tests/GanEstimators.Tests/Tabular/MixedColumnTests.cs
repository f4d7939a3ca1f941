using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Tabular;

[TestClass]
public sealed class MixedColumnTests
{
    private static GanSampler _sampler = null!;
    private static MixedTable.Row[] _real = null!;

    [ClassInitialize]
    public static void Train(TestContext _)
    {
        var ml = new MLContext(1);
        _real = MixedTable.Rows(1000, 7);
        _sampler = ml.Gan().Trainer(MixedTable.Options(epochs: 250)).Fit(ml.Data.LoadFromEnumerable(_real));
    }

    [ClassCleanup]
    public static void Dispose() => _sampler.Dispose();

    [TestMethod]
    public void GeneratedRowsKeepTheTrainingTypes()
    {
        var schema = _sampler.Sample(10, seed: 1).Schema;
        Assert.AreEqual(TextDataViewType.Instance, schema["City"].Type);
        Assert.AreEqual(NumberDataViewType.Single, schema["Temperature"].Type);
        Assert.AreEqual(NumberDataViewType.Int32, schema["Visitors"].Type);
        Assert.AreEqual(BooleanDataViewType.Instance, schema["Sunny"].Type);
        Assert.AreEqual(DateTimeDataViewType.Instance, schema["Day"].Type);
    }

    [TestMethod]
    public void CategoriesAreOnlyThoseSeenAndNumbersAndDatesStayInTheObservedRange()
    {
        var ml = new MLContext(1);
        var rows = ml.Data.CreateEnumerable<MixedTable.Row>(_sampler.Sample(2000, seed: 3), reuseRowObject: false).ToArray();
        CollectionAssert.IsSubsetOf(rows.Select(r => r.City).Distinct().ToArray(), new[] { "Oslo", "Bergen", "Tromsø" });
        Assert.AreEqual(3, rows.Select(r => r.City).Distinct().Count(), "every city, the rare one included, is generated");
        var (low, high) = (_real.Min(r => r.Temperature), _real.Max(r => r.Temperature));
        Assert.IsTrue(rows.All(r => r.Temperature >= low && r.Temperature <= high), "temperatures stay within the training range");
        Assert.IsTrue(rows.All(r => r.Visitors is >= 1 and <= 5), "integers stay within the training range");
        Assert.IsTrue(rows.All(r => r.Day >= MixedTable.FirstDay && r.Day < MixedTable.FirstDay.AddDays(365)), "dates stay within the training range");
        Assert.IsTrue(rows.All(r => r.Day.TimeOfDay == TimeSpan.Zero), "dates stay on the training data's whole-day grid");
    }

    [TestMethod]
    public void MissingValuesComeBackNearTheirRealRate()
    {
        var ml = new MLContext(1);
        var rows = ml.Data.CreateEnumerable<MixedTable.Row>(_sampler.Sample(2000, seed: 4), reuseRowObject: false).ToArray();
        var realRate = _real.Count(r => float.IsNaN(r.Rainfall)) / (double)_real.Length;
        var generatedRate = rows.Count(r => float.IsNaN(r.Rainfall)) / (double)rows.Length;
        Console.WriteLine($"missing Rainfall: real {realRate:P1}, generated {generatedRate:P1}");
        Assert.AreEqual(realRate, generatedRate, 0.15);
    }

    [TestMethod]
    public void TheRareCityIsLearnedWithItsOwnTemperatures()
    {
        var ml = new MLContext(1);
        var tromso = ml.Data.CreateEnumerable<MixedTable.Row>(
            _sampler.Sample(500, new Dictionary<string, string> { ["City"] = "Tromsø" }, seed: 5), reuseRowObject: false).ToArray();
        var oslo = ml.Data.CreateEnumerable<MixedTable.Row>(
            _sampler.Sample(500, new Dictionary<string, string> { ["City"] = "Oslo" }, seed: 5), reuseRowObject: false).ToArray();
        var (tromsoMean, osloMean) = (tromso.Average(r => r.Temperature), oslo.Average(r => r.Temperature));
        Console.WriteLine($"mean temperature: Tromsø {tromsoMean:F2} (real 10), Oslo {osloMean:F2} (real 0)");
        Assert.IsGreaterThan(osloMean + 4, tromsoMean, "the 10 % city is generated with its own, much warmer, temperatures");
    }
}
