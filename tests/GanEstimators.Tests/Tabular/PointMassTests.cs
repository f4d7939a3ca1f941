using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Tabular;

/// <summary>
/// A numeric column with a point mass, like seattle-weather's precipitation: every dry day has exactly 0, wet days
/// have 0 on some days and a continuous amount on the others. A Gaussian mode, however narrow, gives dry days small
/// amounts of rain; a point-mass mode gives them exactly 0.
/// </summary>
[TestClass]
public sealed class PointMassTests
{
    public TestContext TestContext { get; set; } = null!;

    public sealed class Day
    {
        public string Weather { get; set; } = "";
        public float Rain { get; set; }
        public float Temperature { get; set; }
    }

    private static Day[] Days()
    {
        var random = new Random(7);
        return Enumerable.Range(0, 1200).Select(i =>
        {
            var wet = i % 3 != 0;
            return new Day
            {
                Weather = wet ? "Wet" : "Dry",
                Rain = wet && random.NextDouble() < 0.7 ? (float)(0.5 - 3 * Math.Log(1 - random.NextDouble())) : 0f,
                Temperature = (float)((wet ? 8 : 16) + 3 * random.NextDouble()),
            };
        }).ToArray();
    }

    private static GanTrainer.Options Options(double pointMassShare, bool clampToObservedRange = true) => new()
    {
        ModeSpecific =
        {
            ClampToObservedRange = clampToObservedRange,
            PointMassShare = pointMassShare,
            SnapToObservedValues = false,
        },
        FeatureColumnNames = new[] { nameof(Day.Rain), nameof(Day.Temperature) },
        ConditionColumnName = nameof(Day.Weather),
        // The continuous amounts repeat too little for snapping; keep it off so only the point mass can give exact zeros.
        Epochs = 100,
        BatchSize = 300,
        DiscriminatorSteps = 1,
        LearningRate = 5e-4,
        Seed = 4,
    };

    private static Day[] Sample(MLContext ml, GanSampler sampler, string weather, int seed) =>
        ml.Data.CreateEnumerable<Day>(sampler.Sample(1000, weather, seed), reuseRowObject: false).ToArray();

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void AClassThatIsAlwaysOnThePointMassIsGeneratedExactlyThere()
    {
        var ml = new MLContext(1);
        var real = ml.Data.LoadFromEnumerable(Days());
        using var sampler = ml.Gan().Trainer(Options(pointMassShare: 0.1)).Fit(real);

        var dry = Sample(ml, sampler, "Dry", seed: 1);
        var wet = Sample(ml, sampler, "Wet", seed: 2);
        var dryZeros = dry.Count(d => d.Rain == 0) / 1000.0;
        var wetZeros = wet.Count(d => d.Rain == 0) / 1000.0;
        Console.WriteLine($"exactly 0: {dryZeros:P1} of dry days (real 100 %), {wetZeros:P1} of wet days (real 30 %)");
        Assert.IsGreaterThanOrEqualTo(0.97, dryZeros, "dry days have no rain");
        Assert.IsTrue(wetZeros is > 0.1 and < 0.5, $"wet days are dry on about 30 % of days; got {wetZeros:P1}");
        Assert.IsTrue(wet.Where(d => d.Rain != 0).All(d => d.Rain >= 0.5f), "rain amounts come from the continuous part, within its range");

        using var loaded = SavedSamplers.SaveAndReload(TestContext, ml, sampler, real.Schema, "point-mass.zip");
        CollectionAssert.AreEqual(dry.Select(d => d.Rain).ToArray(), Sample(ml, loaded, "Dry", seed: 1).Select(d => d.Rain).ToArray(),
            "a loaded model keeps its point masses");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void WithoutPointMassesTheZerosAreBlurred()
    {
        var ml = new MLContext(1);
        // Unclamped, so the values below 0 that a mode around 0 gives are not moved onto it by the observed minimum.
        using var sampler = ml.Gan().Trainer(Options(pointMassShare: 0, clampToObservedRange: false)).Fit(ml.Data.LoadFromEnumerable(Days()));
        sampler.CalibrateNumbers = false; // the encoding's own values: mapped onto the training quantiles, many would land on 0 again
        var dryZeros = Sample(ml, sampler, "Dry", seed: 1).Count(d => d.Rain == 0) / 1000.0;
        Console.WriteLine($"exactly 0 without point masses: {dryZeros:P1} of dry days");
        Assert.IsLessThan(0.05, dryZeros, "a Gaussian mode decodes to values around 0, almost never exactly 0");
    }
}
