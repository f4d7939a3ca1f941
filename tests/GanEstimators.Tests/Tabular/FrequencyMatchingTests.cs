using Microsoft.ML;

namespace GanEstimators.Tests.Tabular;

/// <summary>
/// <c>FrequencyMatchingWeight</c>: within each class, how often each category (and each numeric mode) comes out should
/// match the real rows. The adversarial loss gets there slowly for a rare class; the matching loss early.
/// </summary>
[TestClass]
public sealed class FrequencyMatchingTests
{
    public sealed class Row
    {
        public string Kind { get; set; } = "";
        public string Colour { get; set; } = "";
        public float Size { get; set; }
    }

    // Kind "Rare" (60 rows) is red 90 % of the time; "Common" (840 rows) is red 10 %, blue 60 %, green 30 %.
    private static readonly Dictionary<string, Dictionary<string, double>> Truth = new()
    {
        ["Rare"] = new() { ["Red"] = 0.9, ["Blue"] = 0.1, ["Green"] = 0 },
        ["Common"] = new() { ["Red"] = 0.1, ["Blue"] = 0.6, ["Green"] = 0.3 },
    };

    private static Row[] Rows()
    {
        var random = new Random(11);
        return Enumerable.Range(0, 900).Select(i =>
        {
            var kind = i < 60 ? "Rare" : "Common";
            var u = random.NextDouble();
            var colour = Truth[kind].First(p => (u -= p.Value) < 0 || p.Key == "Green").Key;
            return new Row { Kind = kind, Colour = colour, Size = (float)(random.NextDouble() * 10) };
        }).ToArray();
    }

    /// <summary>Total variation between the generated colours of each kind and the true ones, averaged over the two kinds.</summary>
    private static double ColourError(double weight)
    {
        var ml = new MLContext(1);
        using var sampler = ml.Gan().Trainer(new GanTrainer.Options
        {
            FeatureColumnNames = new[] { nameof(Row.Colour), nameof(Row.Size) },
            ConditionColumnName = nameof(Row.Kind),
            FrequencyMatchingWeight = weight,
            Epochs = 20,
            LearningRate = 1e-3,
            BatchSize = 300,
            DiscriminatorSteps = 1,
            Seed = 3,
        }).Fit(ml.Data.LoadFromEnumerable(Rows()));
        // The generator's own draws: the sampler's calibration fits each kind's colour shares too (kind and colour are a
        // linked pair), which would hide what training did.
        sampler.CalibrateCategories = false;
        return Truth.Keys.Average(kind =>
        {
            var colours = ml.Data.CreateEnumerable<Row>(sampler.Sample(2000, kind, seed: 1), reuseRowObject: false).Select(r => r.Colour).ToArray();
            return Truth[kind].Sum(p => Math.Abs(colours.Count(c => c == p.Key) / 2000.0 - p.Value)) / 2;
        });
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void EachClassGetsItsRealCategoryFrequenciesEarly()
    {
        var without = ColourError(weight: 0);
        var with = ColourError(weight: 1);
        Console.WriteLine($"total variation of the colours per kind after 60 steps: {with:F3} with frequency matching, {without:F3} without");
        Assert.IsLessThan(0.08, with, "within each kind, the colours come out about as often as in the real rows");
        Assert.IsLessThan(without / 2, with, "the matching loss gets there well before the adversarial loss alone");
    }
}
