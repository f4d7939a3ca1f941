using Microsoft.Data.Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;
using static GanEstimators.Tests.Inference.CsvFiles;

namespace GanEstimators.Tests.Inference;

/// <summary>mlContext.Gan().InferColumns(IDataView): the view's types are kept, its values decide IDs and few-level integers.</summary>
[TestClass]
public sealed class DataViewColumnInferenceTests
{
    [TestMethod]
    public void ADataViewsColumnsAreDecidedByTypeAndValues()
    {
        var ml = new MLContext(1);
        var logged = new List<string>();
        ml.Log += (_, e) => { lock (logged) logged.Add(e.RawMessage); };
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 50).Select(i => new Row
        {
            Id = i,
            Name = $"n{i}",
            Grade = i % 3,
            Score = i * 0.5f,
            Ratio = i % 7 == 0 ? double.NaN : i / 3.0,
            Flag = i % 2 == 0,
            Day = new DateTime(2020, 1, 1).AddDays(i),
            Colour = i % 2 == 0 ? "red" : "",
            Pair = new[] { i, 2f * i },
            Duration = TimeSpan.FromMinutes(i),
        }));

        var results = ml.Gan().InferColumns(data, new GanColumnInferenceOptions { ConditionColumnName = "Flag" });

        Assert.AreSame(data, results.Data);
        Assert.IsNull(results.Loader);
        Assert.AreEqual(50L, results.RowCount);
        var expected = new Dictionary<string, (GanColumnKind, GanColumnPurpose)>
        {
            ["Id"] = (GanColumnKind.WholeNumber, GanColumnPurpose.Ignored),
            ["Name"] = (GanColumnKind.Text, GanColumnPurpose.Ignored),
            ["Grade"] = (GanColumnKind.WholeNumber, GanColumnPurpose.CategoricalFeature),
            ["Score"] = (GanColumnKind.Number, GanColumnPurpose.NumericFeature),
            ["Ratio"] = (GanColumnKind.Number, GanColumnPurpose.NumericFeature),
            ["Flag"] = (GanColumnKind.Boolean, GanColumnPurpose.Condition),
            ["Day"] = (GanColumnKind.Date, GanColumnPurpose.NumericFeature),
            ["Colour"] = (GanColumnKind.Text, GanColumnPurpose.CategoricalFeature),
            ["Pair"] = (GanColumnKind.Vector, GanColumnPurpose.NumericFeature),
            ["Duration"] = (GanColumnKind.Other, GanColumnPurpose.Ignored),
        };
        foreach (var (name, (kind, purpose)) in expected)
        {
            Assert.AreEqual(kind, results.Column(name).Kind, name);
            Assert.AreEqual(purpose, results.Column(name).Purpose, $"{name}: {results.Column(name).Reason}");
        }
        Assert.AreEqual(8L, results.Column("Ratio").MissingValues);
        Assert.AreEqual(25L, results.Column("Colour").MissingValues);
        CollectionAssert.AreEqual(new[] { "Grade", "Score", "Ratio", "Day", "Colour", "Pair" }, results.TrainerOptions.FeatureColumnNames);
        CollectionAssert.AreEqual(new[] { "Grade" }, results.TrainerOptions.CategoricalColumnNames);
        Assert.AreEqual("Flag", results.TrainerOptions.ConditionColumnName);
        foreach (var ignored in new[] { "Id", "Name", "Duration" })
            Assert.IsTrue(logged.Any(m => m.StartsWith($"Column '{ignored}': ignored", StringComparison.Ordinal)), ignored);
    }

    [TestMethod]
    public void ADataViewWithoutRowsOrWithAWrongNamedColumnIsRefused()
    {
        var ml = new MLContext(1);
        var empty = ml.Data.LoadFromEnumerable(Array.Empty<Row>());
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().InferColumns(empty)).Message, "no rows");
        var one = ml.Data.LoadFromEnumerable(new[] { new Row() });
        var error = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().InferColumns(one, new GanColumnInferenceOptions { IgnoredColumnNames = new[] { "id" } }));
        StringAssert.Contains(error.Message, "IgnoredColumnNames: column 'id' is not in the data");
        var notCategorical = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().InferColumns(one, new GanColumnInferenceOptions { CategoricalColumnNames = new[] { "Score" } }));
        StringAssert.Contains(notCategorical.Message, "CategoricalColumnNames: column 'Score' is Single");
    }

    /// <summary>A DataFrame read by DataFrame.LoadCsv and viewed with LoadFromDataFrame gets the decisions its CSV file gets.</summary>
    [TestMethod]
    public void ADataFrameGetsTheDecisionsOfItsCsvFile()
    {
        foreach (var path in new[] { Data("seattle-weather.csv"), Data("splits", "penguins.train.csv") })
        {
            var ml = new MLContext(1);
            var fromFile = ml.Gan().InferColumns(path);
            var fromFrame = ml.Gan().InferColumns(ml.Data.LoadFromDataFrame(DataFrame.LoadCsv(path)));

            CollectionAssert.AreEqual(fromFile.Columns.Select(c => (c.Name, c.Purpose, c.MissingValues)).ToArray(),
                fromFrame.Columns.Select(c => (c.Name, c.Purpose, c.MissingValues)).ToArray(), path);
            CollectionAssert.AreEqual(fromFile.TrainerOptions.FeatureColumnNames, fromFrame.TrainerOptions.FeatureColumnNames, path);
        }
    }

    private sealed class Row
    {
        public int Id { get; set; }

        public string Name { get; set; } = "";

        public int Grade { get; set; }

        public float Score { get; set; }

        public double Ratio { get; set; }

        public bool Flag { get; set; }

        public DateTime Day { get; set; }

        public string Colour { get; set; } = "";

        [VectorType(2)]
        public float[] Pair { get; set; } = new float[2];

        public TimeSpan Duration { get; set; }
    }
}
