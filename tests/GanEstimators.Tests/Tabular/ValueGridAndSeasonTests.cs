using Microsoft.ML;

namespace GanEstimators.Tests.Tabular;

/// <summary>
/// Two properties of real tables that a classifier uses to tell synthetic rows apart: readings that lie on a grid
/// (here °F converted to °C and rounded to 0.1, as in seattle-weather) and dates with a seasonal pattern.
/// </summary>
[TestClass]
public sealed class ValueGridAndSeasonTests
{
    public sealed class Reading
    {
        public float Celsius { get; set; }
        public float Noise { get; set; }
    }

    public sealed class Day
    {
        public DateTime Date { get; set; }
        public float Temperature { get; set; }
    }

    private static readonly DateTime FirstDate = new(2018, 1, 1);

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void ValuesOnAGridComeBackOnItAndContinuousValuesStayContinuous()
    {
        var random = new Random(3);
        var real = Enumerable.Range(0, 1000).Select(_ => new Reading
        {
            Celsius = (float)Math.Round((random.Next(30, 90) - 32) / 1.8, 1),
            Noise = (float)random.NextDouble(),
        }).ToArray();
        var grid = real.Select(r => r.Celsius).ToHashSet();
        var seen = real.Select(r => r.Noise).ToHashSet();

        Reading[] Generate(bool snap)
        {
            var ml = new MLContext(1);
            var options = new GanTrainer.Options
            {
                FeatureColumnNames = new[] { nameof(Reading.Celsius), nameof(Reading.Noise) },
                Epochs = 5,
                BatchSize = 200,
                DiscriminatorSteps = 1,
                ModeSpecific = { SnapToObservedValues = snap },
                Seed = 5,
            };
            using var sampler = ml.Gan().Trainer(options).Fit(ml.Data.LoadFromEnumerable(real));
            sampler.CalibrateNumbers = false; // the decoding itself: training quantiles of a grid column are mostly grid values
            return ml.Data.CreateEnumerable<Reading>(sampler.Sample(1000, seed: 2), reuseRowObject: false).ToArray();
        }

        var snapped = Generate(snap: true);
        Assert.IsTrue(snapped.All(r => grid.Contains(r.Celsius)), "every generated reading is one of the 60 values on the real grid");
        Assert.IsGreaterThan(500, snapped.Select(r => r.Noise).Where(v => !seen.Contains(v)).Distinct().Count(),
            "a column of distinct values is not snapped to training values");
        var free = Generate(snap: false);
        Assert.IsGreaterThan(500, free.Count(r => !grid.Contains(r.Celsius)), "without snapping, most readings fall between the grid's values");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void TheSeasonOfADateIsLearnedWithDateCycles()
    {
        var random = new Random(4);
        var real = Enumerable.Range(0, 1500).Select(_ =>
        {
            var date = FirstDate.AddDays(random.Next(0, 3 * 365));
            return new Day { Date = date, Temperature = (float)(Season(date) + random.NextDouble() - 0.5) };
        }).ToArray();

        double MeanSeasonError(bool cycles, out GanSampler sampler)
        {
            var ml = new MLContext(1);
            var options = new GanTrainer.Options
            {
                FeatureColumnNames = new[] { nameof(Day.Date), nameof(Day.Temperature) },
                Epochs = 150,
                BatchSize = 300,
                DiscriminatorSteps = 1,
                LearningRate = 5e-4,
                ModeSpecific = { EncodeDateCycles = cycles },
                Seed = 6,
            };
            sampler = ml.Gan().Trainer(options).Fit(ml.Data.LoadFromEnumerable(real));
            var rows = ml.Data.CreateEnumerable<Day>(sampler.Sample(2000, seed: 3), reuseRowObject: false).ToArray();
            return rows.Average(r => Math.Abs(r.Temperature - Season(r.Date)));
        }

        var without = MeanSeasonError(cycles: false, out var plain);
        plain.Dispose();
        var with = MeanSeasonError(cycles: true, out var seasonal);
        Console.WriteLine($"mean |temperature − season(date)|: {with:F2} with date cycles, {without:F2} without (ignoring the date: 5.1)");
        // Measured with date cycles over training seeds 1-8 (one libtorch thread) and 1-6 (two) on an AMD EPYC:
        // 1.69-2.69 (seed 6 with two threads, as on another AMD machine: 2.69); without them 4.65-7.19; a generator
        // that ignores the date scores 5.1. 3.5 leaves a margin of 0.8 above the worst and still fails without cycles.
        Assert.IsLessThan(3.5, with, "the generated temperatures follow the season of the generated dates");
        Assert.IsLessThan(without, with, "date cycles make the season easier to learn");

        var ml = new MLContext(1);
        var path = Path.Combine(Path.GetTempPath(), $"season-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(seasonal, null, path);
            using var loaded = (GanSampler)ml.Model.Load(path, out _);
            var before = ml.Data.CreateEnumerable<Day>(seasonal.Sample(100, seed: 8), reuseRowObject: false).Select(r => r.Date).ToArray();
            var after = ml.Data.CreateEnumerable<Day>(loaded.Sample(100, seed: 8), reuseRowObject: false).Select(r => r.Date).ToArray();
            CollectionAssert.AreEqual(before, after, "a loaded model decodes dates with the same cycles");
        }
        finally
        {
            seasonal.Dispose();
            File.Delete(path);
        }
    }

    private static double Season(DateTime date) => 10 - 8 * Math.Cos(2 * Math.PI * date.DayOfYear / 365.25);
}
