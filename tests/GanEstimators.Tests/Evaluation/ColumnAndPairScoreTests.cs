using GanEstimators.Evaluation;
using Microsoft.ML;
using static GanEstimators.Tests.Evaluation.EvaluationTables;

namespace GanEstimators.Tests.Evaluation;

[TestClass]
public sealed class ColumnAndPairScoreTests
{
    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void IdenticalTablesScoreOneAndCopiedRowsAreAntiDetected()
    {
        var ml = new MLContext(1);
        var table = Numbers(ml, CorrelatedNormals(600, 0, seed: 3));

        var metrics = ml.Gan().Evaluate(table, table);

        Assert.AreEqual(1.0, metrics.ColumnShapes, 1e-12);
        Assert.AreEqual(1.0, metrics.PairTrends, 1e-12);
        // Each test row's twin, labelled the other way, sits in the training folds and pulls its score the wrong way,
        // so exact copies score well below chance (judge_tabular.py gives 0.14 on this setup, too).
        Assert.IsLessThan(0.4, metrics.DetectionAuc, $"detection AUC {metrics.DetectionAuc}");
        Assert.IsNull(metrics.TrainOnRealTestOnReal);
        Assert.AreEqual(metrics.DetectionAuc, ml.Gan().Evaluate(table, table).DetectionAuc, "the same seed gives the same AUC");
    }

    [TestMethod]
    public void IndependentSampleOfTheSameDistributionIsDetectedAtChance()
    {
        var ml = new MLContext(1);
        var real = Numbers(ml, CorrelatedNormals(600, 0, seed: 3));
        var synthetic = Numbers(ml, CorrelatedNormals(600, 0, seed: 4));

        var metrics = ml.Gan().Evaluate(real, synthetic);

        // 3 folds of 400 rows: the AUC's standard error is about 0.02, and the trees overfit a little.
        Assert.AreEqual(0.5, metrics.DetectionAuc, 0.08, $"detection AUC {metrics.DetectionAuc}");
        Assert.IsGreaterThan(0.9, metrics.ColumnShapes);
        Assert.IsGreaterThan(0.97, metrics.PairTrends);
    }

    [TestMethod]
    public void ShiftedNumericColumnScoresOneMinusTheKolmogorovSmirnovStatistic()
    {
        var ml = new MLContext(1);
        // X: 1..8 against 4..11; the empirical CDFs differ by at most 3/8 (e.g. at 3: 3/8 vs 0).
        // Y, with ties: {1,2,2,3} against {2,3,3,4}; at 2 the CDFs are 3/4 and 1/4, so the statistic is 1/2.
        float[] realY = { 1, 2, 2, 3, 1, 2, 2, 3 }, syntheticY = { 2, 3, 3, 4, 2, 3, 3, 4 };
        var real = Numbers(ml, Enumerable.Range(0, 8).Select(i => ((float)(i + 1), realY[i])));
        var synthetic = Numbers(ml, Enumerable.Range(0, 8).Select(i => ((float)(i + 4), syntheticY[i])));

        var metrics = ml.Gan().Evaluate(real, synthetic);

        Assert.AreEqual(1 - 3.0 / 8, metrics.ScoreOf("X"), 1e-12);
        Assert.AreEqual(0.5, metrics.ScoreOf("Y"), 1e-12);
        Assert.AreEqual("Y", metrics.WorstColumn);
        Assert.AreEqual((1 - 3.0 / 8 + 0.5) / 2, metrics.ColumnShapes, 1e-12);
    }

    [TestMethod]
    public void CategoricalScoresAreOneMinusTotalVariationWithMissingValuesLeftOut()
    {
        var ml = new MLContext(1);
        // Checked against judge_tabular.py on the same two tables written as CSV.
        var real = Categories(ml, Repeat(("a", "s"), 3).Concat(Repeat(("a", "l"), 2)).Concat(Repeat(("b", "s"), 3)).Append(("c", "l")).Append(("c", "")));
        var synthetic = Categories(ml, Repeat(("a", "s"), 4).Concat(Repeat(("b", "l"), 4)).Concat(Repeat(("d", "s"), 2)));

        var metrics = ml.Gan().Evaluate(real, synthetic);

        // Color: real a .5, b .3, c .2; synthetic a .4, b .4, d .2 → TVD = (.1 + .1 + .2 + .2) / 2 = .3.
        Assert.AreEqual(0.7, metrics.ScoreOf("Color"), 1e-12);
        // Size, the missing value left out: real s 6/9, l 3/9; synthetic s 6/10, l 4/10 → TVD = 1/15.
        Assert.AreEqual(14.0 / 15, metrics.ScoreOf("Size"), 1e-12);
        Assert.AreEqual(TabularColumnKind.Categorical, metrics.ColumnScores[0].Kind);
        // Joint frequencies over all 10 rows (the real (c, missing) row drops out):
        // real (a,s) .3, (a,l) .2, (b,s) .3, (c,l) .1; synthetic (a,s) .4, (b,l) .4, (d,s) .2 → TVD = 1.3 / 2.
        Assert.AreEqual(1 - 0.65, metrics.PairTrends, 1e-12);
    }

    [TestMethod]
    public void MissingNumbersAreLeftOutTiesCountTogetherAndAnEmptySyntheticColumnScoresZero()
    {
        var ml = new MLContext(1);
        var real = Numbers(ml, new[] { (1f, 1f), (1f, 2f), (2f, 3f), (2f, 4f) });
        // X: {1, 2} once NaNs are left out, the same distribution as {1, 1, 2, 2}. Stepping through the tied 1s one at
        // a time would see 1/4 against 1/2 and report a difference.
        var synthetic = Numbers(ml, new[] { (1f, float.NaN), (float.NaN, float.NaN), (2f, float.NaN), (float.NaN, float.NaN) });

        var metrics = ml.Gan().Evaluate(real, synthetic);

        Assert.AreEqual(1.0, metrics.ScoreOf("X"), 1e-12);
        Assert.AreEqual(0.0, metrics.ScoreOf("Y"));
        // Real correlation of X and Y is 2/√5; the synthetic one is undefined (no complete pair) and counts as 0.
        Assert.AreEqual(1 - 2 / Math.Sqrt(5) / 2, metrics.PairTrends, 1e-6);
    }

    [TestMethod]
    public void ClearlyDifferentTableIsDetected()
    {
        var ml = new MLContext(1);
        var real = Numbers(ml, CorrelatedNormals(500, 0, seed: 3));
        var synthetic = Numbers(ml, CorrelatedNormals(400, 3, seed: 4));

        var metrics = ml.Gan().Evaluate(real, synthetic);

        Assert.IsGreaterThan(0.9, metrics.DetectionAuc, $"detection AUC {metrics.DetectionAuc}");
        Assert.IsLessThan(0.5, metrics.ColumnShapes);
    }

    [TestMethod]
    public void DatesAreComparedAsNumbersAndKeysByTheirValueTexts()
    {
        var ml = new MLContext(1);
        var start = new DateTime(2020, 1, 1);
        var colors = new[] { "red", "red", "green", "blue", "red", "green", "blue", "blue" };
        var real = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 8).Select(i => new DatedRow { When = start.AddDays(i), Color = colors[i] }).ToArray());
        var realWithKeys = ml.Transforms.Conversion.MapValueToKey("Color").Fit(real).Transform(real);
        // Two days later: the empirical CDFs differ by at most 2/8.
        var synthetic = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 8).Select(i => new DatedRow { When = start.AddDays(i + 2), Color = colors[7 - i] }).ToArray());

        var metrics = ml.Gan().Evaluate(realWithKeys, synthetic);

        Assert.AreEqual(TabularColumnKind.Numeric, metrics.ColumnScores[0].Kind);
        Assert.AreEqual(1 - 2.0 / 8, metrics.ScoreOf("When"), 1e-12);
        Assert.AreEqual(TabularColumnKind.Categorical, metrics.ColumnScores[1].Kind);
        Assert.AreEqual(1.0, metrics.ScoreOf("Color"), 1e-12, "the key column is read by its key values, which match the synthetic texts");
    }

    private sealed class DatedRow
    {
        public DateTime When { get; set; }
        public string Color { get; set; } = "";
    }

    private static IEnumerable<T> Repeat<T>(T value, int count) => Enumerable.Repeat(value, count);
}
