using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Sampling;

/// <summary>Dates at the ends of <see cref="DateTime"/>'s range train and sample; decoded dates are clamped to the range.</summary>
[TestClass]
public sealed class ExtremeDateTests
{
    public sealed class Event
    {
        public float X { get; set; }
        public DateTime When { get; set; }
    }

    private static Event[] Events(DateTime extreme) =>
        Enumerable.Range(0, 300).Select(i => new Event
        {
            X = i % 7,
            When = i % 10 == 0 ? extreme : new DateTime(2020, 1, 1).AddDays(i % 90).AddSeconds(i),
        }).ToArray();

    private static DateTime[] SampleDates(Event[] events, GanNumericEncoding encoding)
    {
        var ml = new MLContext(3);
        var sampler = ml.Gan().Trainer(new GanTrainer.Options
        {
            FeatureColumnNames = new[] { "X", "When" },
            NumericEncoding = encoding,
            Epochs = 2,
            BatchSize = 100,
        }).Fit(ml.Data.LoadFromEnumerable(events));
        return Columns.Read<DateTime>(sampler.Sample(2_000, seed: 5), "When");
    }

    [TestMethod]
    [DataRow(GanNumericEncoding.ModeSpecificNormalization)]
    [DataRow(GanNumericEncoding.Standardization)]
    public void DatesAtTheLastTickSample(GanNumericEncoding encoding)
    {
        var dates = SampleDates(Events(DateTime.MaxValue), encoding);

        Assert.HasCount(2_000, dates);
        Assert.IsTrue(dates.Any(d => d.Year > 2100), "some rows near the extreme date");
    }

    [TestMethod]
    [DataRow(GanNumericEncoding.ModeSpecificNormalization)]
    [DataRow(GanNumericEncoding.Standardization)]
    public void DatesAtTheLastSecondOfTheYear9999Sample(GanNumericEncoding encoding)
    {
        var dates = SampleDates(Events(new DateTime(9999, 12, 31, 23, 59, 59)), encoding);

        Assert.HasCount(2_000, dates);
        Assert.IsTrue(dates.Any(d => d.Year > 2100), "some rows near the extreme date");
    }

    [TestMethod]
    [DataRow(GanNumericEncoding.ModeSpecificNormalization)]
    [DataRow(GanNumericEncoding.Standardization)]
    public void DatesAtTheFirstSecondSample(GanNumericEncoding encoding)
    {
        var dates = SampleDates(Events(DateTime.MinValue.AddSeconds(1)), encoding);

        Assert.HasCount(2_000, dates);
        Assert.IsTrue(dates.Any(d => d.Year < 1900), "some rows near the extreme date");
    }

    [TestMethod]
    public void DateTimeMinValueIsAMissingDateAndSamples()
    {
        // DateTime.MinValue is default(DateTime), which the library reads as a missing date.
        var dates = SampleDates(Events(DateTime.MinValue), GanNumericEncoding.ModeSpecificNormalization);

        Assert.HasCount(2_000, dates);
        Assert.IsTrue(dates.Any(d => d.Year == 2020));
    }
}
