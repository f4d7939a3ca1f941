using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Conditional;

/// <summary>
/// Sampling a class draws the categorical conditions of its rows from that class's own categories, as in penguins,
/// where Gentoo live only on Biscoe: a common island overall must not be paired with a class that never has it.
/// </summary>
[TestClass]
public sealed class ClassAndCategoryPairingTests
{
    public TestContext TestContext { get; set; } = null!;

    public sealed class Penguin
    {
        public string Species { get; set; } = "";
        public string Island { get; set; } = "";
        public float Mass { get; set; }
    }

    private static Penguin[] Penguins()
    {
        var random = new Random(5);
        return Enumerable.Range(0, 600).Select(i =>
        {
            var gentoo = i < 200;
            return new Penguin
            {
                Species = gentoo ? "Gentoo" : "Adelie",
                Island = gentoo ? "Biscoe" : random.NextDouble() < 0.8 ? "Dream" : "Biscoe",
                Mass = (float)((gentoo ? 5 : 3.7) + 0.4 * random.NextDouble()),
            };
        }).ToArray();
    }

    private static GanSampler Train(MLContext ml, IDataView penguins, int epochs) => ml.Gan().Trainer(new GanTrainer.Options
    {
        FeatureColumnNames = new[] { nameof(Penguin.Island), nameof(Penguin.Mass) },
        ConditionColumnName = nameof(Penguin.Species),
        Epochs = epochs,
        BatchSize = 300,
        DiscriminatorSteps = 1,
        Seed = 2,
    }).Fit(penguins);

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void AClassComesOnlyWithTheCategoriesItHas()
    {
        var ml = new MLContext(1);
        var real = ml.Data.LoadFromEnumerable(Penguins());
        using var sampler = Train(ml, real, epochs: 150);

        var gentoo = ml.Data.CreateEnumerable<Penguin>(sampler.Sample(1000, "Gentoo", seed: 1), reuseRowObject: false).ToArray();
        var onBiscoe = gentoo.Count(p => p.Island == "Biscoe") / 1000.0;
        var anyClass = ml.Data.CreateEnumerable<Penguin>(sampler.Sample(3000, seed: 2), reuseRowObject: false).ToArray();
        var gentooElsewhere = anyClass.Count(p => p.Species == "Gentoo" && p.Island != "Biscoe") / (double)anyClass.Count(p => p.Species == "Gentoo");
        Console.WriteLine($"Gentoo on Biscoe: {onBiscoe:P1} when asked for; {1 - gentooElsewhere:P1} among unrequested rows (real: 100 %)");
        Assert.IsGreaterThanOrEqualTo(0.9, onBiscoe, "a requested class is not paired with an island it never has");
        Assert.IsLessThanOrEqualTo(0.1, gentooElsewhere, "nor are unrequested rows of that class");

        using var loaded = SavedSamplers.SaveAndReload(TestContext, ml, sampler, real.Schema, "pairing.zip");
        var reloaded = ml.Data.CreateEnumerable<Penguin>(loaded.Sample(3000, seed: 2), reuseRowObject: false).ToArray();
        CollectionAssert.AreEqual(anyClass.Select(p => (p.Species, p.Island)).ToArray(), reloaded.Select(p => (p.Species, p.Island)).ToArray(),
            "a loaded model draws each class's categories from the same frequencies");
    }

    [TestMethod]
    public void AFixedCategoryWithoutAClassComesWithTheClassesOfThatCategoryInTheirShares()
    {
        var ml = new MLContext(1);
        var penguins = Penguins();
        using var sampler = Train(ml, ml.Data.LoadFromEnumerable(penguins), epochs: 1);
        string[] Species(IDataView rows) => rows.GetColumn<string>(nameof(Penguin.Species)).ToArray();
        var dream = new Dictionary<string, string> { [nameof(Penguin.Island)] = "Dream" };
        var biscoe = new Dictionary<string, string> { [nameof(Penguin.Island)] = "Biscoe" };

        CollectionAssert.AreEqual(new[] { "Adelie" }, Species(sampler.Sample(1000, dream, seed: 1)).Distinct().ToArray(), "no Gentoo lives on Dream");
        CollectionAssert.AreEqual(new[] { "Adelie" }, Species(sampler.SampleRange(0, 1000, 1, dream)).Distinct().ToArray(), "nor in a range");
        var realShare = penguins.Count(p => p.Island == "Biscoe" && p.Species == "Gentoo") / (double)penguins.Count(p => p.Island == "Biscoe");
        var share = Species(sampler.Sample(2000, biscoe, seed: 1)).Count(s => s == "Gentoo") / 2000.0;
        Assert.AreEqual(realShare, share, 0.04, $"Gentoo among Biscoe rows: {share:P1}, real {realShare:P1}");
    }
}
