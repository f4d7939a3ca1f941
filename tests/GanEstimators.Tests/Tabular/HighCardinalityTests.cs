using Microsoft.ML;

namespace GanEstimators.Tests.Tabular;

[TestClass]
public sealed class HighCardinalityTests
{
    private sealed class Row
    {
        public string Code { get; set; } = "";
        public float Value { get; set; }
    }

    [TestMethod]
    public void ALevelRichColumnIsPooledWithAWarningAndOnlySeenLevelsComeBack()
    {
        var ml = new MLContext(1);
        var random = new Random(3);
        // 600 codes, Zipf-like: a few common, many seen only once or twice.
        var rows = Enumerable.Range(0, 3000).Select(_ => new Row { Code = $"C{(int)Math.Floor(600 * Math.Pow(random.NextDouble(), 3))}", Value = (float)random.NextDouble() }).ToArray();
        var warnings = new List<string>();
        ml.Log += (_, e) => { if (e.Message.Contains("levels")) lock (warnings) warnings.Add(e.Message); };
        using var sampler = ml.Gan().Trainer(new GanTrainer.Options
        {
            FeatureColumnNames = new[] { "Code", "Value" },
            MaxCategorySlots = 50,
            Epochs = 2,
            BatchSize = 500,
            DiscriminatorSteps = 1,
            Seed = 1,
        }).Fit(ml.Data.LoadFromEnumerable(rows));

        Assert.IsTrue(warnings.Any(w => w.Contains("'Code'") && w.Contains("MaxCategorySlots 50")), "the pooling is reported in the log");
        var seen = rows.Select(r => r.Code).ToHashSet();
        var generated = ml.Data.CreateEnumerable<Row>(sampler.Sample(3000, seed: 1), reuseRowObject: false).Select(r => r.Code).ToArray();
        Assert.IsTrue(generated.All(seen.Contains), "only codes seen in training are generated");
        Assert.IsGreaterThan(50, generated.Distinct().Count(), "pooled codes come back too, not just the 49 kept ones");
        var pooledCode = rows.GroupBy(r => r.Code).OrderBy(g => g.Count()).First().Key;
        var exact = ml.Data.CreateEnumerable<Row>(sampler.Sample(20, new Dictionary<string, string> { ["Code"] = pooledCode }, seed: 2), reuseRowObject: false);
        Assert.IsTrue(exact.All(r => r.Code == pooledCode), "a pooled code can still be asked for exactly");
    }
}
