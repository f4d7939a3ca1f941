using Microsoft.ML;

namespace GanEstimators.Tests.Tabular;

[TestClass]
public sealed class ExactConditionalSamplingTests
{
    private static GanSampler _sampler = null!;

    [ClassInitialize]
    public static void Train(TestContext _)
    {
        var ml = new MLContext(1);
        _sampler = ml.Gan().Trainer(MixedTable.Options(epochs: 5)).Fit(MixedTable.Load(ml));
    }

    [ClassCleanup]
    public static void Dispose() => _sampler.Dispose();

    [TestMethod]
    public void EveryRowSatisfiesEveryConditionAndNoneIsMissing()
    {
        var ml = new MLContext(1);
        var conditions = new Dictionary<string, string> { ["City"] = "Tromsø", ["Sunny"] = "True" };
        var rows = ml.Data.CreateEnumerable<MixedTable.Row>(_sampler.Sample(777, conditions, seed: 2), reuseRowObject: false).ToArray();
        Assert.HasCount(777, rows);
        Assert.IsTrue(rows.All(r => r.City == "Tromsø" && r.Sunny), "every row has the requested city and sunshine");
    }

    [TestMethod]
    public void TheConditionableColumnsAndTheirValuesAreListed()
    {
        CollectionAssert.AreEqual(new[] { "City", "Sunny" }, _sampler.ConditionableColumnNames.ToArray());
        CollectionAssert.AreEquivalent(new[] { "Oslo", "Bergen", "Tromsø" }, _sampler.ValuesOf("City").ToArray());
    }

    [TestMethod]
    public void AnUnseenValueIsNamedWithTheKnownOnes()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => _sampler.Sample(5, new Dictionary<string, string> { ["City"] = "Paris" }));
        StringAssert.Contains(error.Message, "'Paris'");
        StringAssert.Contains(error.Message, "'City'");
        StringAssert.Contains(error.Message, "'Bergen'");
    }

    [TestMethod]
    public void ANumericColumnCannotBeConditionedOnAndTheConditionableOnesAreNamed()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => _sampler.Sample(5, new Dictionary<string, string> { ["Temperature"] = "3" }));
        StringAssert.Contains(error.Message, "'Temperature'");
        StringAssert.Contains(error.Message, "'City', 'Sunny'");
    }
}
