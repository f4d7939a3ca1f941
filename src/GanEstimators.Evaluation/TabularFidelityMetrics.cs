using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GanEstimators.Evaluation;

/// <summary>
/// How faithful a synthetic table is to the real one: per-column distributions, pairwise relationships, whether a
/// classifier can tell the two apart, and (with a label) whether a model trained on synthetic rows predicts as well as
/// one trained on real rows. The definitions follow the project's reference judge (<c>judge_tabular.py</c>).
/// </summary>
public sealed class TabularFidelityMetrics
{
    internal TabularFidelityMetrics(
        int realRows, int syntheticRows, IReadOnlyList<ColumnShapeScore> columnScores, IReadOnlyList<PairTrendScore> pairScores, double detectionAuc,
        ClassificationQuality? trainOnRealTestOnReal, ClassificationQuality? trainOnSyntheticTestOnReal)
    {
        RealRows = realRows;
        SyntheticRows = syntheticRows;
        ColumnScores = columnScores;
        ColumnShapes = columnScores.Average(c => c.Score);
        WorstColumn = columnScores.MinBy(c => c.Score)!.Name;
        PairScores = pairScores;
        PairTrends = Evaluation.PairTrends.Mean(pairScores);
        DetectionAuc = detectionAuc;
        TrainOnRealTestOnReal = trainOnRealTestOnReal;
        TrainOnSyntheticTestOnReal = trainOnSyntheticTestOnReal;
    }

    /// <summary>Rows in the real data.</summary>
    public int RealRows { get; }

    /// <summary>Rows in the synthetic data.</summary>
    public int SyntheticRows { get; }

    /// <summary>Mean of the per-column <see cref="ColumnShapeScore.Score"/>s (1 = every column's distribution matches).</summary>
    public double ColumnShapes { get; }

    /// <summary>Each compared column's score, in column order.</summary>
    public IReadOnlyList<ColumnShapeScore> ColumnScores { get; }

    /// <summary>The column with the lowest score (the first of them on a tie).</summary>
    public string WorstColumn { get; }

    /// <summary>
    /// Mean over column pairs of the same kind: 1 − |Pearson correlation (real) − correlation (synthetic)| / 2 for
    /// numeric pairs, 1 − total-variation distance between the joint category frequencies for categorical pairs.
    /// NaN when there is no such pair.
    /// </summary>
    public double PairTrends { get; }

    /// <summary>Each scored column pair (numeric pairs in column order, then categorical pairs); <see cref="PairTrends"/> is their mean.</summary>
    public IReadOnlyList<PairTrendScore> PairScores { get; }

    /// <summary>
    /// Mean 3-fold cross-validated ROC AUC of a boosted-tree classifier telling real rows from synthetic ones, on
    /// equally many of each: 0.5 = indistinguishable, 1 = always told apart. NaN with fewer than 3 rows in either table.
    /// Well below 0.5 points to copied rows: a held-out row whose exact twin is in the training folds with the other
    /// label is scored the wrong way (an exact copy of the real table scores about 0.1–0.2, in the reference judge too).
    /// </summary>
    public double DetectionAuc { get; }

    /// <summary>Classifier trained on the real rows, tested on the held-out real rows; null without a label.</summary>
    public ClassificationQuality? TrainOnRealTestOnReal { get; }

    /// <summary>Classifier trained on the synthetic rows, tested on the held-out real rows; null without a label.</summary>
    public ClassificationQuality? TrainOnSyntheticTestOnReal { get; }

    /// <summary>The score of one compared column.</summary>
    /// <exception cref="ArgumentException">The column was not compared.</exception>
    public double ScoreOf(string columnName) =>
        ColumnScores.FirstOrDefault(c => c.Name == columnName)?.Score
        ?? throw new ArgumentException($"Column '{columnName}' was not compared; the compared columns are {string.Join(", ", ColumnScores.Select(c => $"'{c.Name}'"))}.", nameof(columnName));

    /// <summary>
    /// The metrics as one JSON object with the reference judge's key names (<c>column_shapes</c>, <c>worst_column</c>,
    /// <c>pair_trends</c>, <c>detection_auc</c>, <c>trtr_accuracy</c>, <c>trtr_macro_f1</c>, <c>tstr_accuracy</c>,
    /// <c>tstr_macro_f1</c>, <c>rows_synthetic</c>), plus <c>rows_real</c> and <c>column_scores</c>. NaN is written as
    /// null; the efficacy keys are left out when no label was given.
    /// </summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("rows_real", RealRows);
            json.WriteNumber("rows_synthetic", SyntheticRows);
            WriteNumber(json, "column_shapes", ColumnShapes);
            json.WriteString("worst_column", WorstColumn);
            WriteNumber(json, "pair_trends", PairTrends);
            WriteNumber(json, "detection_auc", DetectionAuc);
            WriteQuality(json, "trtr", TrainOnRealTestOnReal);
            WriteQuality(json, "tstr", TrainOnSyntheticTestOnReal);
            json.WriteStartObject("column_scores");
            foreach (var column in ColumnScores) WriteNumber(json, column.Name, column.Score);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A few readable lines: the summary figures and the worst column.</summary>
    public override string ToString()
    {
        var text = new StringBuilder()
            .AppendLine(Invariant($"Column shapes {ColumnShapes:F4} (worst: {WorstColumn} {ScoreOf(WorstColumn):F4})"))
            .AppendLine(Invariant($"Pair trends   {PairTrends:F4}"))
            .Append(Invariant($"Detection AUC {DetectionAuc:F4} (0.5 = indistinguishable)"));
        if (TrainOnRealTestOnReal is { } real && TrainOnSyntheticTestOnReal is { } synthetic)
            text.AppendLine()
                .AppendLine(Invariant($"Train real, test real:      accuracy {real.Accuracy:F4}, macro F1 {real.MacroF1:F4}"))
                .Append(Invariant($"Train synthetic, test real: accuracy {synthetic.Accuracy:F4}, macro F1 {synthetic.MacroF1:F4}"));
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void WriteQuality(Utf8JsonWriter json, string prefix, ClassificationQuality? quality)
    {
        if (quality is null) return;
        WriteNumber(json, prefix + "_accuracy", quality.Accuracy);
        WriteNumber(json, prefix + "_macro_f1", quality.MacroF1);
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }
}
