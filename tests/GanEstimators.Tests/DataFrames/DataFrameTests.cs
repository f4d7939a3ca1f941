using System.Reflection;
using GanEstimators.Evaluation;
using GanEstimators.Tests.Support;
using Microsoft.Data.Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.DataFrames;

/// <summary>GanEstimators.DataFrame: fitting from a DataFrame with its column types, samples, history and evaluation as DataFrames.</summary>
[TestClass]
public sealed class DataFrameTests
{
    private static string RepoRoot =>
        typeof(DataFrameTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    private static GanSampler FitWeather(MLContext ml, DataFrame weather, int epochs = 2) =>
        ml.Gan().Trainer(new GanTrainer.Options
        {
            FeatureColumnNames = new[] { "date", "precipitation", "temp_max", "temp_min", "wind" },
            ConditionColumnName = "weather",
            Epochs = epochs,
            BatchSize = 500,
        }).FitDataFrame(weather);

    private static DataFrame LoadWeather() => DataFrame.LoadCsv(Path.Combine(RepoRoot, "data", "seattle-weather.csv"));

    [TestMethod]
    public void LoadCsvFitAndSampleDataFrameGiveTheRowsOfSample()
    {
        var ml = new MLContext(1);
        var weather = LoadWeather();
        using var sampler = FitWeather(ml, weather);

        var frame = sampler.SampleDataFrame(300, new Dictionary<string, string> { ["weather"] = "snow" }, seed: 4);
        var view = sampler.Sample(300, new Dictionary<string, string> { ["weather"] = "snow" }, seed: 4);

        Assert.AreEqual(300L, frame.Rows.Count);
        CollectionAssert.AreEqual(view.Schema.Select(c => c.Name).ToArray(), frame.Columns.Select(c => c.Name).ToArray());
        Assert.IsInstanceOfType<DateTimeDataFrameColumn>(frame["date"], "LoadCsv reads ISO dates as DateTime, and the sample keeps the type");
        CollectionAssert.AreEqual(Columns.Read<DateTime>(view, "date"), frame["date"].Cast<DateTime?>().Select(d => d!.Value).ToArray());
        foreach (var name in new[] { "precipitation", "temp_max", "temp_min", "wind" })
            CollectionAssert.AreEqual(Columns.Read<float>(view, name), frame[name].Cast<float?>().Select(v => v!.Value).ToArray(), name);
        CollectionAssert.AreEqual(Columns.Read<ReadOnlyMemory<char>>(view, "weather").Select(v => v.ToString()).ToArray(), frame["weather"].Cast<string>().ToArray());
        Assert.IsTrue(frame["weather"].Cast<string>().All(w => w == "snow"));
        // An unconditioned call follows the training frequencies, and the same seed gives the same rows.
        var again = sampler.SampleDataFrame(50, seed: 9);
        CollectionAssert.AreEqual(again["wind"].Cast<float?>().ToArray(), sampler.SampleDataFrame(50, seed: 9)["wind"].Cast<float?>().ToArray());
    }

    private static DataFrame WithNulls(int rows)
    {
        int? Count(int i) => i % 5 == 0 ? null : i % 13;
        float? Size(int i) => i % 7 == 0 ? null : i % 10 + 0.5f;
        string? Colour(int i) => i % 4 == 0 ? null : (i % 3) switch { 0 => "red", 1 => "green", _ => "blue" };
        return new DataFrame(
            new Int32DataFrameColumn("Count", Enumerable.Range(0, rows).Select(Count)),
            new Int32DataFrameColumn("Rank", Enumerable.Range(0, rows).Select(i => (int?)(i % 9))),
            new SingleDataFrameColumn("Size", Enumerable.Range(0, rows).Select(Size)),
            new StringDataFrameColumn("Colour", Enumerable.Range(0, rows).Select(Colour)),
            new BooleanDataFrameColumn("Flag", Enumerable.Range(0, rows).Select(i => (bool?)(i % 2 == 0))),
            new BooleanDataFrameColumn("MaybeFlag", Enumerable.Range(0, rows).Select(i => i % 6 == 0 ? null : (bool?)(i % 2 == 0))));
    }

    [TestMethod]
    public void NullsBecomeMissingValuesAndColumnsKeepTheirTypes()
    {
        var data = new MLContext(1).Data.LoadFromDataFrame(WithNulls(100));

        Assert.AreEqual(NumberDataViewType.Double, data.Schema["Count"].Type, "an int column with nulls: double, null = NaN");
        Assert.AreEqual(NumberDataViewType.Int32, data.Schema["Rank"].Type, "an int column without nulls stays int");
        Assert.AreEqual(NumberDataViewType.Single, data.Schema["Size"].Type);
        Assert.AreEqual(TextDataViewType.Instance, data.Schema["Colour"].Type);
        Assert.AreEqual(BooleanDataViewType.Instance, data.Schema["Flag"].Type);
        Assert.AreEqual(TextDataViewType.Instance, data.Schema["MaybeFlag"].Type, "a bool column with nulls: a category each, null a missing one");
        var counts = Columns.Read<double>(data, "Count");
        Assert.AreEqual(20, counts.Count(double.IsNaN));
        Assert.AreEqual(6.0, counts[6]);
        Assert.AreEqual(15, Columns.Read<float>(data, "Size").Count(float.IsNaN));
        var colours = Columns.Read<ReadOnlyMemory<char>>(data, "Colour").Select(c => c.ToString()).ToArray();
        Assert.AreEqual(25, colours.Count(c => c.Length == 0), "null text is empty text, the library's missing value");
        Assert.AreEqual("green", colours[1]);
        CollectionAssert.AreEquivalent(new[] { "True", "False", "" }, Columns.Read<ReadOnlyMemory<char>>(data, "MaybeFlag").Select(c => c.ToString()).Distinct().ToArray());
    }

    [TestMethod]
    public void ANullableLongBeyondTwoToThe53IsRefusedRatherThanRounded()
    {
        var ml = new MLContext(1);
        var exact = new Microsoft.Data.Analysis.DataFrame(new Int64DataFrameColumn("Id", new long?[] { 1L << 53, null }));
        var beyond = new Microsoft.Data.Analysis.DataFrame(new Int64DataFrameColumn("Id", new long?[] { (1L << 53) + 1, null }));

        Assert.AreEqual((double)(1L << 53), Columns.Read<double>(ml.Data.LoadFromDataFrame(exact), "Id")[0]);
        var error = Assert.ThrowsExactly<ArgumentException>(() => ml.Data.LoadFromDataFrame(beyond));
        StringAssert.Contains(error.Message, "'Id'");
        StringAssert.Contains(error.Message, "9007199254740993");
    }

    [TestMethod]
    public void TheDataFramesOwnViewWouldReadNullsAsValues()
    {
        // Why LoadFromDataFrame/FitDataFrame convert: the DataFrame's own IDataView reads a null int as 0 and a null
        // bool as false (null floats are NaN and null strings empty text there, which the library reads as missing).
        var frame = WithNulls(10);
        Assert.AreEqual(0, Columns.Read<int>(frame, "Count")[0]);
        Assert.IsFalse(Columns.Read<bool>(frame, "MaybeFlag")[0]);
        Assert.IsTrue(float.IsNaN(Columns.Read<float>(frame, "Size")[0]));
        Assert.AreEqual(0, Columns.Read<ReadOnlyMemory<char>>(frame, "Colour")[0].Length);
        Assert.IsTrue(double.IsNaN(Columns.Read<double>(new MLContext(1).Data.LoadFromDataFrame(frame), "Count")[0]));
    }

    [TestMethod]
    public void FittingADataFrameWithNullsSamplesMissingValuesAsNullsAndNaN()
    {
        var ml = new MLContext(2);
        using var sampler = ml.Gan().Trainer(new GanTrainer.Options
        {
            FeatureColumnNames = new[] { "Count", "Rank", "Size", "Colour", "Flag", "MaybeFlag" },
            Epochs = 2,
            BatchSize = 100,
        }).FitDataFrame(WithNulls(400));

        var frame = sampler.SampleDataFrame(2_000, seed: 3);

        Assert.IsInstanceOfType<StringDataFrameColumn>(frame["Colour"]);
        Assert.IsInstanceOfType<Int32DataFrameColumn>(frame["Rank"]);
        Assert.IsInstanceOfType<DoubleDataFrameColumn>(frame["Count"]);
        Assert.IsInstanceOfType<BooleanDataFrameColumn>(frame["Flag"]);
        var colours = frame["Colour"].Cast<string?>().ToArray();
        CollectionAssert.IsSubsetOf(colours.Where(c => c is not null).Distinct().ToArray(), new[] { "red", "green", "blue" });
        Assert.IsTrue(frame["Colour"].NullCount > 0, "the missing category is sampled as null");
        Assert.IsTrue(frame["Count"].Cast<double?>().Any(v => double.IsNaN(v!.Value)), "missing numbers are sampled as NaN");
        Assert.AreEqual(0L, frame["Rank"].NullCount);
    }

    [TestMethod]
    public void HistoryToDataFrameHasOneRowPerEpochAndEveryMetric()
    {
        var ml = new MLContext(1);
        using var sampler = FitWeather(ml, LoadWeather(), epochs: 3);

        var history = sampler.History.ToDataFrame();

        Assert.AreEqual(3L, history.Rows.Count);
        var metricNames = typeof(GanEpochMetrics).GetProperties().Where(p => p.PropertyType == typeof(double) || p.PropertyType == typeof(int)).Select(p => p.Name);
        CollectionAssert.AreEquivalent(metricNames.ToArray(), history.Columns.Select(c => c.Name).ToArray(), "one column per GanEpochMetrics property");
        Assert.AreEqual("Epoch", history.Columns[0].Name);
        CollectionAssert.AreEqual(new int?[] { 1, 2, 3 }, history["Epoch"].Cast<int?>().ToArray());
        CollectionAssert.AreEqual(sampler.History.Epochs.Select(e => (double?)e.GeneratorLoss).ToArray(), history["GeneratorLoss"].Cast<double?>().ToArray());
    }

    [TestMethod]
    public void EvaluationTablesAsDataFrames()
    {
        var ml = new MLContext(1);
        var weather = LoadWeather();
        using var sampler = FitWeather(ml, weather);
        var synthetic = sampler.SampleDataFrame(500, seed: 1);

        var metrics = ml.Gan().Evaluate(weather, synthetic);

        var columns = metrics.ColumnScoresToDataFrame();
        CollectionAssert.AreEqual(new[] { "Column", "Kind", "Score" }, columns.Columns.Select(c => c.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "date", "precipitation", "temp_max", "temp_min", "wind", "weather" }, columns["Column"].Cast<string>().ToArray());
        Assert.AreEqual("Categorical", columns["Kind"][5]);
        CollectionAssert.AreEqual(metrics.ColumnScores.Select(s => (double?)s.Score).ToArray(), columns["Score"].Cast<double?>().ToArray());

        var pairs = metrics.PairScoresToDataFrame();
        Assert.AreEqual(10L, pairs.Rows.Count, "the 10 pairs of the five numeric columns (date counts as a number); one categorical column has no pair");
        Assert.AreEqual("date", pairs["FirstColumn"][0]);
        Assert.AreEqual("precipitation", pairs["SecondColumn"][0]);
        Assert.AreEqual(metrics.PairTrends, pairs["Score"].Cast<double?>().Average(v => v!.Value), 1e-12);

        var summary = metrics.ToDataFrame();
        Assert.AreEqual("detection_auc", summary["Metric"][4]);
        Assert.AreEqual(metrics.DetectionAuc, (double)summary["Value"][4]!);
    }
}
