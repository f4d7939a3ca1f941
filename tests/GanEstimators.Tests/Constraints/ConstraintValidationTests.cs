using Microsoft.ML;
using static GanEstimators.Tests.Constraints.ConstraintData;

namespace GanEstimators.Tests.Constraints;

/// <summary>Constraints that cannot hold are errors naming the constraint and the column, before any training.</summary>
[TestClass]
public sealed class ConstraintValidationTests
{
    [TestMethod]
    [DataRow("nope <= temp_max", "'nope', which is not in the training data")]
    [DataRow("weather <= temp_max", "column 'weather' has type String")]
    [DataRow("fixed: weather, wind", "column 'wind' has type Single")]
    [DataRow("temp_max <= temp_min", "broken by 1461 training rows (first at row 0: temp_max = 12.8 > temp_min = 5)")]
    [DataRow("1 <= wind <= 9", "broken by")]
    [DataRow("unique: wind", "repeats an earlier row")]
    public void AConstraintTheDataCannotFollowIsAnErrorNamingIt(string constraint, string expected)
    {
        var ml = new MLContext(1);
        var error = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(Short(WeatherFeatures, GanConstraint.Parse(constraint))).Fit(Weather(ml)));
        StringAssert.Contains(error.Message, $"'{constraint}'");
        StringAssert.Contains(error.Message, expected);
    }

    public sealed class Interval
    {
        public short Low { get; set; }
        public short High { get; set; }
    }

    [TestMethod]
    public void AnInequalityWhoseDifferenceAnIntegerHighColumnCannotHoldIsAnError()
    {
        var ml = new MLContext(1);
        var rows = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 60).Select(i => new Interval { Low = (short)(i * 100 - 20000), High = (short)(i * 100 + (i == 40 ? 16000 : 5)) }));
        var options = new GanTrainer.Options { FeatureColumnNames = new[] { "Low", "High" }, Constraints = new[] { GanConstraint.Inequality("Low", "High") }, Epochs = 1 };
        var overflow = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(options).Fit(rows));
        StringAssert.Contains(overflow.Message, "in row 40, High − Low = 36000, more than column 'High''s type (Int16) holds (32767)");

        var missing = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 60).Select(i => new Visit { Arrival = i == 7 ? float.NaN : i, Departure = i + 1 }));
        options = new GanTrainer.Options { FeatureColumnNames = new[] { "Arrival", "Departure" }, Constraints = new[] { GanConstraint.Inequality("Arrival", "Departure") }, Epochs = 1 };
        var unheld = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(options).Fit(missing));
        StringAssert.Contains(unheld.Message, "in row 7, Arrival is missing, so Departure − Arrival is missing, which column 'Departure' (Int32) cannot hold");
    }

    public sealed class Visit
    {
        public float Arrival { get; set; }
        public int Departure { get; set; }
    }

    [TestMethod]
    public void TwoRulesRebuildingOneColumnOrACycleAreErrors()
    {
        var ml = new MLContext(1);
        var twice = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(Short(WeatherFeatures,
            GanConstraint.Inequality("temp_min", "temp_max"), GanConstraint.ScalarRange("temp_max", -10, 40))).Fit(Weather(ml)));
        StringAssert.Contains(twice.Message, "already governed by constraint 'temp_min <= temp_max'");
        var cycle = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(Short(WeatherFeatures,
            GanConstraint.Inequality("temp_min", "temp_max"), GanConstraint.Inequality("temp_max", "temp_min"))).Fit(Weather(ml)));
        StringAssert.Contains(cycle.Message, "cycle");
        Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(new GanTrainer.Options { FeatureColumnNames = WeatherFeatures, Constraints = new GanConstraint[] { null! } }));
    }

    [TestMethod]
    public void ResumingWithOtherConstraintsIsAnError()
    {
        var ml = new MLContext(1);
        var weather = Weather(ml);
        var options = Short(WeatherFeatures, GanConstraint.Inequality("temp_min", "temp_max"));
        options.Epochs = 1;
        using var sampler = ml.Gan().Trainer(options).Fit(weather);
        var error = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(Short(WeatherFeatures)).Fit(weather, resumeFrom: sampler));
        StringAssert.Contains(error.Message, "'temp_min <= temp_max'");
        using var resumed = ml.Gan().Trainer(options).Fit(weather, resumeFrom: sampler);
        CollectionAssert.AreEqual(sampler.Constraints.ToArray(), resumed.Constraints.ToArray());
    }

    [TestMethod]
    [DataRow("temp_min <= temp_max", GanConstraintKind.Inequality, "temp_min <= temp_max")]
    [DataRow("temp_max >= temp_min", GanConstraintKind.Inequality, "temp_min <= temp_max")]
    [DataRow(" 0 <= wind <= 20 ", GanConstraintKind.ScalarRange, "0 <= wind <= 20")]
    [DataRow("20 >= wind >= -1.5", GanConstraintKind.ScalarRange, "-1.5 <= wind <= 20")]
    [DataRow("fixed: island , species", GanConstraintKind.FixedCombinations, "fixed: island, species")]
    [DataRow("unique: id", GanConstraintKind.Unique, "unique: id")]
    public void TheTextFormsParseAndPrintBack(string text, GanConstraintKind kind, string printed)
    {
        var constraint = GanConstraint.Parse(text);
        Assert.AreEqual(kind, constraint.Kind);
        Assert.AreEqual(printed, constraint.ToString());
        Assert.AreEqual(constraint, GanConstraint.Parse(constraint.ToString()));
    }

    [TestMethod]
    [DataRow("temp_min < temp_max", "Strict inequalities")]
    [DataRow("wind >= 0", "one side only")]
    [DataRow("20 <= wind <= 0", "low < high")]
    [DataRow("fixed: island", "at least two columns")]
    [DataRow("unique: a, b", "one column")]
    [DataRow("between: a, b", "'between:' is not a kind")]
    [DataRow("temp_min", "It has no <=")]
    public void AnUnreadableTextNamesItselfAndTheForms(string text, string why)
    {
        var error = Assert.ThrowsExactly<FormatException>(() => GanConstraint.Parse(text));
        StringAssert.Contains(error.Message, $"'{text}'");
        StringAssert.Contains(error.Message, why);
        StringAssert.Contains(error.Message, GanConstraint.TextForms);
    }
}
