using Microsoft.ML;
using Microsoft.ML.Data;
using static GanEstimators.Tests.Inference.CsvFiles;

namespace GanEstimators.Tests.Inference;

/// <summary>mlContext.Gan().InferColumns(path): column kinds and purposes, with reasons, ready trainer options and the loaded data.</summary>
[TestClass]
public sealed class CsvColumnInferenceTests
{
    [TestMethod]
    public void SeattleWeatherHasADateNumbersAndACategory()
    {
        var results = new MLContext(1).Gan().InferColumns(Data("seattle-weather.csv"));

        Assert.AreEqual(1461L, results.RowCount);
        Assert.AreEqual(',', results.Separator);
        var date = results.Column("date");
        Assert.AreEqual(GanColumnKind.Date, date.Kind);
        Assert.AreEqual(GanColumnPurpose.NumericFeature, date.Purpose, "a date column is unique per row but is not an ID");
        Assert.AreEqual("yyyy-MM-dd", date.DateFormat);
        Assert.AreEqual(DateTimeDataViewType.Instance, results.Data.Schema["date"].Type);
        var weather = results.Column("weather");
        Assert.AreEqual(GanColumnKind.Text, weather.Kind);
        Assert.AreEqual(GanColumnPurpose.CategoricalFeature, weather.Purpose);
        Assert.AreEqual(5, weather.DistinctValues);
        foreach (var name in new[] { "precipitation", "temp_max", "temp_min", "wind" })
        {
            Assert.AreEqual(GanColumnKind.Number, results.Column(name).Kind, name);
            Assert.AreEqual(GanColumnPurpose.NumericFeature, results.Column(name).Purpose, name);
            Assert.AreEqual(NumberDataViewType.Single, results.Data.Schema[name].Type, name);
        }
        CollectionAssert.AreEqual(new[] { "date", "precipitation", "temp_max", "temp_min", "wind", "weather" }, results.TrainerOptions.FeatureColumnNames);
        Assert.IsNull(results.TrainerOptions.ConditionColumnName, "no condition column is guessed");
        CollectionAssert.AreEquivalent(new[] { "drizzle", "rain", "sun", "snow", "fog" }, Texts(results.Data, "weather").Distinct().ToArray());
    }

    [TestMethod]
    public void ANamedConditionColumnIsTheConditionAndNotAFeature()
    {
        var results = new MLContext(1).Gan().InferColumns(Data("seattle-weather.csv"), conditionColumnName: "weather");

        Assert.AreEqual("weather", results.TrainerOptions.ConditionColumnName);
        Assert.AreEqual(GanColumnPurpose.Condition, results.Column("weather").Purpose);
        CollectionAssert.DoesNotContain(results.TrainerOptions.FeatureColumnNames, "weather");
        var error = Assert.ThrowsExactly<ArgumentException>(() => new MLContext(1).Gan().InferColumns(Data("seattle-weather.csv"), conditionColumnName: "Weather"));
        StringAssert.Contains(error.Message, "ConditionColumnName: column 'Weather' is not in the header");
    }

    [TestMethod]
    public void PenguinsHaveCategoriesAndMissingValues()
    {
        var results = new MLContext(1).Gan().InferColumns(Data("splits", "penguins.train.csv"), "species");

        Assert.AreEqual(275L, results.RowCount);
        foreach (var name in new[] { "island", "sex" })
            Assert.AreEqual(GanColumnPurpose.CategoricalFeature, results.Column(name).Purpose, name);
        Assert.AreEqual(GanColumnPurpose.Condition, results.Column("species").Purpose);
        var sex = results.Column("sex");
        Assert.IsGreaterThan(0L, sex.MissingValues, "rows without a sex");
        StringAssert.Contains(sex.Reason, "missing, kept as missing values");
        CollectionAssert.Contains(Texts(results.Data, "sex"), "", "a missing category reads as empty text");
        var bill = results.Column("bill_length_mm");
        Assert.AreEqual(GanColumnKind.Number, bill.Kind);
        Assert.AreEqual(2L, bill.MissingValues);
        Assert.AreEqual(2, Singles(results.Data, "bill_length_mm").Count(float.IsNaN), "empty number fields are NaN");
        Assert.IsEmpty(results.TrainerOptions.CategoricalColumnNames);
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void TheInferredOptionsTrainAsTheyAre()
    {
        var ml = new MLContext(1);
        var results = ml.Gan().InferColumns(Data("splits", "penguins.train.csv"), "species");
        results.TrainerOptions.Epochs = 1;
        results.TrainerOptions.NumberOfThreads = 1;

        using var sampler = ml.Gan().Trainer(results.TrainerOptions).Fit(results.Data);

        var sample = sampler.Sample(20, seed: 1);
        CollectionAssert.IsSubsetOf(Texts(sample, "island").Distinct().ToArray(), new[] { "Biscoe", "Dream", "Torgersen" });
    }

    [TestMethod]
    public void IdLikeColumnsAreIgnoredWithALogLine()
    {
        var rows = Enumerable.Range(0, 40).Select(i => $"{i + 1},{1000 + 37 * i},C{i:000},{i % 4},{(i * 7) % 13}.5,{(i % 3 == 0 ? "north" : "south")}");
        var path = Write("ids.csv", "row,customer_id,code,grade,amount,region\n" + string.Join("\n", rows) + "\n");
        var ml = new MLContext(1);
        var logged = new List<string>();
        ml.Log += (_, e) => { lock (logged) logged.Add(e.RawMessage); };

        var results = ml.Gan().InferColumns(path);

        foreach (var id in new[] { "row", "customer_id", "code" })
        {
            Assert.AreEqual(GanColumnPurpose.Ignored, results.Column(id).Purpose, id);
            StringAssert.Contains(results.Column(id).Reason, "an ID", id);
            Assert.IsTrue(logged.Any(m => m.StartsWith($"Column '{id}': ignored: an ID", StringComparison.Ordinal)), $"the log names {id}: {string.Join(" | ", logged)}");
        }
        StringAssert.Contains(results.Column("row").Reason, "1..40, one per row");
        Assert.AreEqual(GanColumnPurpose.CategoricalFeature, results.Column("grade").Purpose, "4 whole non-negative levels in 40 rows");
        CollectionAssert.AreEqual(new[] { "grade" }, results.TrainerOptions.CategoricalColumnNames);
        Assert.AreEqual(NumberDataViewType.Int64, results.Data.Schema["grade"].Type, "a categorical integer keeps its type");
        Assert.AreEqual(GanColumnPurpose.NumericFeature, results.Column("amount").Purpose, "13 levels are more than 10");
        CollectionAssert.AreEqual(new[] { "grade", "amount", "region" }, results.TrainerOptions.FeatureColumnNames);

        var kept = ml.Gan().InferColumns(path, new GanColumnInferenceOptions { IgnoreIdColumns = false, MaxCategoricalIntegerLevels = 0 });
        CollectionAssert.AreEqual(new[] { "row", "customer_id", "code", "grade", "amount", "region" }, kept.TrainerOptions.FeatureColumnNames);
        Assert.IsEmpty(kept.TrainerOptions.CategoricalColumnNames);
    }

    [TestMethod]
    public void BooleansAreCategoriesReadAsTextWithTheirMissingValues()
    {
        var path = Write("flags.csv", "flag,x\ntrue,1.5\nFALSE,2.5\n,3.5\nTrue,4.5\nfalse,5.5\ntrue,6.5\n");

        var results = new MLContext(1).Gan().InferColumns(path);

        var flag = results.Column("flag");
        Assert.AreEqual(GanColumnKind.Boolean, flag.Kind);
        Assert.AreEqual(GanColumnPurpose.CategoricalFeature, flag.Purpose);
        Assert.AreEqual(TextDataViewType.Instance, results.Data.Schema["flag"].Type);
        Assert.AreEqual(1L, flag.MissingValues);
        CollectionAssert.AreEqual(new[] { "true", "FALSE", "", "True", "false", "true" }, Texts(results.Data, "flag"), "values are kept as written, a missing one as empty text");
    }

    [TestMethod]
    public void QuotedFieldsWithSeparatorsQuotesAndLineBreaksRoundTrip()
    {
        var notes = new[] { "two\nlines", "plain", "say \"hi\", then go", "crlf\nbreak; and, more", "" };
        static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal) + "\"";
        var text = "n,note,x\r\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"{i},{Quote(notes[i % notes.Length])},{i}.5\r\n"));
        var path = Write("notes.csv", text);

        var results = new MLContext(1).Gan().InferColumns(path, new GanColumnInferenceOptions { IgnoreIdColumns = false });

        Assert.AreEqual(20L, results.RowCount, "line breaks inside quotes do not end a record");
        Assert.AreEqual(',', results.Separator);
        CollectionAssert.AreEqual(Enumerable.Range(0, 20).Select(i => notes[i % notes.Length]).ToArray(), Texts(results.Data, "note"),
            "the loader reads every field as written, a CRLF inside quotes as \\n");
        CollectionAssert.AreEqual(Enumerable.Range(0, 20).Select(i => i + 0.5f).ToArray(), Singles(results.Data, "x"));
        Assert.AreEqual(4, results.Column("note").DistinctValues, "the scan and the loader agree: four notes, one of them missing");
    }

    [TestMethod]
    public void SpacesInsideQuotesAreKeptAndOutsideThemTrimmed()
    {
        var path = Write("spaces.csv", "name,x\n \" a \" ,1\n  b,2\n\n\"c\",3\n");

        var results = new MLContext(1).Gan().InferColumns(path);

        Assert.AreEqual(3L, results.RowCount, "the empty line is skipped");
        CollectionAssert.AreEqual(new[] { " a ", "b", "c" }, Texts(results.Data, "name"), "as the loader reads them");
        Assert.AreEqual(3, results.Column("name").DistinctValues, "and as the scan counted them");
    }

    [TestMethod]
    public void ARowThatTextLoaderWouldSkipAsACommentIsRefused()
    {
        var path = Write("comment.csv", "url,x\nexample.org,1\n//cdn.example.org,2\n");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => new MLContext(1).Gan().InferColumns(path));

        StringAssert.Contains(error.Message, "row 3 starts with \"//\"");
        var quoted = Write("quoted.csv", "url,x\nexample.org,1\n\"//cdn.example.org\",2\n");
        CollectionAssert.AreEqual(new[] { "example.org", "//cdn.example.org" }, Texts(new MLContext(1).Gan().InferColumns(quoted).Data, "url"));
    }

    [TestMethod]
    public void SemicolonAndTabSeparatorsAreDetected()
    {
        foreach (var (separator, name) in new[] { (';', "semicolon.csv"), ('\t', "tab.tsv") })
        {
            var path = Write(name, $"city{separator}temp{separator}note\nOslo{separator}1.5{separator}\"a, b\"\nBergen{separator}2.5{separator}c\nTromsø{separator}-3{separator}d\n");

            var results = new MLContext(1).Gan().InferColumns(path);

            Assert.AreEqual(separator, results.Separator, name);
            CollectionAssert.AreEqual(new[] { "city", "temp", "note" }, results.Columns.Select(c => c.Name).ToArray(), name);
            CollectionAssert.AreEqual(new[] { 1.5f, 2.5f, -3f }, Singles(results.Data, "temp"), name);
            CollectionAssert.AreEqual(new[] { "Oslo", "Bergen", "Tromsø" }, Texts(results.Data, "city"), name);
            CollectionAssert.AreEqual(new[] { "a, b", "c", "d" }, Texts(results.Data, "note"), name);
        }
    }

    [TestMethod]
    public void TheFirstRowsSettleASeparatorTheHeaderLeavesOpen()
    {
        // The header splits into three fields at its commas and at its semicolons; only the semicolons split the rows so.
        var path = Write("units.csv", "Temp, C;Wind, m/s;note\n12;3;calm\n14;5;windy\n");

        var results = new MLContext(1).Gan().InferColumns(path);

        Assert.AreEqual(';', results.Separator);
        CollectionAssert.AreEqual(new[] { "Temp, C", "Wind, m/s", "note" }, results.Columns.Select(c => c.Name).ToArray());
        CollectionAssert.AreEqual(new[] { 12L, 14L }, results.Data.GetColumn<long>("Temp, C").ToArray());
    }

    [TestMethod]
    public void DecimalCommasAreText()
    {
        var path = Write("decimal-commas.csv", "name;price\nx;1,5\ny;2,5\n");

        var results = new MLContext(1).Gan().InferColumns(path);

        Assert.AreEqual(';', results.Separator);
        Assert.AreEqual(GanColumnKind.Text, results.Column("price").Kind, "numbers are written with a decimal point");
    }

    [TestMethod]
    public void AGivenSeparatorIsUsedInsteadOfTheDetectedOne()
    {
        var path = Write("pipes.csv", "name|score|comment\nann|1|x,y\nbob|2|z\n");
        var detected = Assert.ThrowsExactly<InvalidDataException>(() => new MLContext(1).Gan().InferColumns(path));
        StringAssert.Contains(detected.Message, "row 2 has 2 fields; the header has 1 (comma-separated)", "no candidate in the header: a comma");

        var results = new MLContext(1).Gan().InferColumns(path, separatorChar: '|');

        Assert.AreEqual('|', results.Separator);
        CollectionAssert.AreEqual(new[] { "name", "score", "comment" }, results.Columns.Select(c => c.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "x,y", "z" }, Texts(results.Data, "comment"));
        var error = Assert.ThrowsExactly<ArgumentException>(() => new MLContext(1).Gan().InferColumns(path, separatorChar: '"'));
        StringAssert.Contains(error.Message, "Separator cannot be a double quote");
    }

    [TestMethod]
    public void AFileThatIsNotUtf8IsRefusedNamingTheFileLineAndOffset()
    {
        var path = Write("latin1.csv", System.Text.Encoding.Latin1.GetBytes("city,n\nOslo,1\nTroms\u00f8,2\n"));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => new MLContext(1).Gan().InferColumns(path));

        foreach (var part in new[] { "CSV file", "latin1.csv", "not UTF-8", "line 3", "byte offset 19" })
            StringAssert.Contains(error.Message, part);
    }

    [TestMethod]
    public void AByteOrderMarkIsAccepted()
    {
        var path = Write("bom.csv", new System.Text.UTF8Encoding(true).GetPreamble().Concat(new System.Text.UTF8Encoding(false).GetBytes("city,n\nOslo,1.5\nBergen,2.5\n")).ToArray());

        var results = new MLContext(1).Gan().InferColumns(path);

        Assert.AreEqual("city", results.Columns[0].Name, "the mark is not part of the first column's name");
        CollectionAssert.AreEqual(new[] { "Oslo", "Bergen" }, Texts(results.Data, "city"));
    }

    [TestMethod]
    public void EmptyHeaderOnlyAndMissingFilesAreRefused()
    {
        var ml = new MLContext(1);
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => ml.Gan().InferColumns(Write("empty.csv", ""))).Message, "is empty; a header row is expected");
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => ml.Gan().InferColumns(Write("header.csv", "a,b\n"))).Message, "has a header but no rows");
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => ml.Gan().InferColumns(Write("short.csv", "a,b\n1,2\n3\n"))).Message, "row 3 has 1 fields; the header has 2");
        StringAssert.Contains(Assert.ThrowsExactly<FileNotFoundException>(() => ml.Gan().InferColumns(Path.Combine(Path.GetTempPath(), "no-such-file.csv"))).Message, "does not exist");
    }
}
