using System.Globalization;
using System.Text;

namespace GanEstimators.Evaluation.Augmentation;

/// <summary>
/// What augmenting does for a downstream estimator on this data: every method's fold scores, means and spreads, each
/// compared with real only and with random oversampling, and the GAN ratio to use (0 when no GAN ratio beats real only).
/// The verdicts (<see cref="Recommendation"/>, the p-values <see cref="ToString"/> prints) use the corrected resampled
/// t-test (<see cref="PairedComparison.CorrectedPValue"/>); the plain paired t-test's p is kept in <see cref="PairedComparison.PValue"/>.
/// </summary>
public sealed class AugmentationEvaluationResult
{
    internal AugmentationEvaluationResult(AugmentationEvaluationOptions options, string? minorityClass, int rows, int seed,
        IReadOnlyList<IReadOnlyList<int>> testRows, IReadOnlyList<AugmentationMethodResult> methods, string? downstreamName = null)
    {
        NumberOfFolds = options.NumberOfFolds;
        NumberOfRepeats = options.NumberOfRepeats;
        DownstreamName = downstreamName;
        Metric = options.Metric;
        MinorityClass = minorityClass;
        Sizing = options.Sizing;
        LabelColumnName = options.LabelColumnName;
        RowCount = rows;
        Seed = seed;
        FoldTestRows = testRows;
        Methods = methods;
        RealOnly = methods.Single(m => m.Method == AugmentationMethod.RealOnly);
        ClassWeights = methods.SingleOrDefault(m => m.Method == AugmentationMethod.ClassWeights);
        var best = methods.Where(m => m.Method == AugmentationMethod.Gan && m.Mean > RealOnly.Mean)
            .OrderByDescending(m => m.Mean).ThenBy(m => m.Ratio).FirstOrDefault();
        RecommendedGan = best;
        RecommendedGanRatio = best?.Ratio ?? 0;
    }

    /// <summary>The estimator's <see cref="AugmentationDownstream.Name"/> in the joint form; null when one estimator was evaluated.</summary>
    public string? DownstreamName { get; }

    /// <summary>The score compared.</summary>
    public AugmentationMetric Metric { get; }

    /// <summary>The class whose recall is measured with <see cref="AugmentationMetric.MinorityClassRecall"/>; null otherwise.</summary>
    public string? MinorityClass { get; }

    /// <summary>What the ratios mean.</summary>
    public AugmentationSizing Sizing { get; }

    /// <summary>The class column.</summary>
    public string LabelColumnName { get; }

    /// <summary>Rows of the evaluated data.</summary>
    public int RowCount { get; }

    /// <summary>The seed used (the options' or the one drawn from the <c>MLContext</c>): pass it back to repeat the evaluation.</summary>
    public int Seed { get; }

    /// <summary>Folds of each repeat of the cross-validation (k).</summary>
    public int NumberOfFolds { get; }

    /// <summary>Repeats of the k-fold cross-validation (r), each on new folds; the first repeat's folds are those of a single run.</summary>
    public int NumberOfRepeats { get; }

    /// <summary>
    /// For each fold of each repeat (k × r, the k folds of the first repeat first, so fold f of repeat j is at
    /// j × k + f, the index of its score in <see cref="AugmentationMethodResult.FoldScores"/>), the positions (from 0,
    /// ascending) of its held-out rows in the data; the k folds of a repeat are disjoint and together every row.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> FoldTestRows { get; }

    /// <summary>Every method: real only first, then class weights (when it ran), then for each ratio oversampling, SMOTE and the GAN.</summary>
    public IReadOnlyList<AugmentationMethodResult> Methods { get; }

    /// <summary>The real-only row of <see cref="Methods"/>.</summary>
    public AugmentationMethodResult RealOnly { get; }

    /// <summary>The class-weights row of <see cref="Methods"/>; null when <see cref="AugmentationEvaluationOptions.ClassWeightedEstimator"/> was not given.</summary>
    public AugmentationMethodResult? ClassWeights { get; }

    /// <summary>
    /// Per class, whether the GAN's rows lie where the class's real rows lie (<see cref="ClassNeighbourhood"/>), read on
    /// the rows added at the ratio that adds the most; the same for every estimator of a joint evaluation. Empty when
    /// the data has no numeric column besides the label or no ratio added rows.
    /// </summary>
    public IReadOnlyList<ClassNeighbourhood> ClassNeighbourhoods { get; init; } = Array.Empty<ClassNeighbourhood>();

    /// <summary>The GAN ratio with the highest mean score among those whose mean beats real only's; null when none does.</summary>
    public AugmentationMethodResult? RecommendedGan { get; }

    /// <summary>The ratio of <see cref="RecommendedGan"/>, or 0 when no GAN ratio beats real only: then do not augment with the GAN.</summary>
    public double RecommendedGanRatio { get; }

    /// <summary>One line: the ratio to use, how sure the folds are of it (corrected resampled t-test), and whether oversampling or class weights do as well.</summary>
    public string Recommendation
    {
        get
        {
            if (RecommendedGan is not { } gan)
                return $"Recommended GAN ratio: 0 (no GAN ratio beats real only on {MetricName}; best GAN {BestGanText()}).";
            var vsOver = gan.AgainstOversampling is { } o ? $"; against oversampling {Signed(o.MeanDifference)}, corrected p = {P(o.CorrectedPValue)}" : "";
            var caveats = new List<string>();
            if (gan.AgainstRealOnly!.CorrectedPValue >= 0.05) caveats.Add("the gain over real only is within the folds' noise (corrected p ≥ 0.05)");
            if (gan.AgainstOversampling is { MeanDifference: <= 0 }) caveats.Add("random oversampling does at least as well");
            if (gan.AgainstClassWeights is { MeanDifference: <= 0 }) caveats.Add("class weights do at least as well without added rows");
            return $"Recommended GAN ratio: {Number(gan.Ratio)} ({MetricName} {Number(gan.Mean)} against real only's {Number(RealOnly.Mean)}, " +
                $"{Signed(gan.AgainstRealOnly.MeanDifference)}, corrected p = {P(gan.AgainstRealOnly.CorrectedPValue)}{vsOver})" +
                (caveats.Count == 0 ? "." : $"; but {string.Join(", and ", caveats)}.");
        }
    }

    private string MetricName => Metric == AugmentationMetric.MacroF1 ? "macro-F1" : $"recall of '{MinorityClass}'";

    private string BestGanText()
    {
        var best = Methods.Where(m => m.Method == AugmentationMethod.Gan).OrderByDescending(m => m.Mean).First();
        return $"ratio {Number(best.Ratio)}: {Number(best.Mean)} against {Number(RealOnly.Mean)}";
    }

    /// <summary>
    /// The table: method, ratio, mean ± sd, the paired differences and their corrected resampled t-test p-values, the fold
    /// scores (repeats apart by " | "), a line naming the test, the classes' neighbourhoods, and the recommendation.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Augmentation evaluation{(DownstreamName is null ? "" : $" of '{DownstreamName}'")}: {NumberOfFolds}-fold stratified cross-validation{(NumberOfRepeats > 1 ? $" repeated {NumberOfRepeats} times ({FoldTestRows.Count} fold scores)" : "")} on '{LabelColumnName}', {RowCount} rows, {MetricName}, ratios as {Sizing}, seed {Seed}");
        var weights = ClassWeights is not null;
        var header = new[] { "method", "ratio", "added/fold", "mean", "sd", "vs real only (p)", "vs oversampling (p)" }
            .Concat(weights ? new[] { "vs class weights (p)" } : Array.Empty<string>()).Append("folds").ToArray();
        var rows = Methods.Select(m => new[]
        {
            m.Name,
            m.Method is AugmentationMethod.RealOnly or AugmentationMethod.ClassWeights ? "-" : Number(m.Ratio),
            m.AddedRows.Count == 0 ? "0" : Math.Round(m.AddedRows.Average()).ToString(CultureInfo.InvariantCulture),
            Number(m.Mean),
            Number(m.StandardDeviation),
            m.AgainstRealOnly is { } r ? $"{Signed(r.MeanDifference)} ({P(r.CorrectedPValue)})" : "",
            m.AgainstOversampling is { } o ? $"{Signed(o.MeanDifference)} ({P(o.CorrectedPValue)})" : "",
        }.Concat(weights ? new[] { m.AgainstClassWeights is { } w ? $"{Signed(w.MeanDifference)} ({P(w.CorrectedPValue)})" : "" } : Array.Empty<string>())
            .Append(FoldScoresText(m)).ToArray()).ToArray();
        var last = header.Length - 1;
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        void Line(string[] cells) => text.AppendLine(string.Join("  ", cells.Select((c, i) => i == 0 || i == last ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd());
        Line(header);
        foreach (var row in rows) Line(row);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"p: corrected resampled t-test (Nadeau and Bengio 2003) over the {FoldTestRows.Count} paired fold differences, {FoldTestRows.Count - 1} degrees of freedom; the plain paired t-test, which ignores that folds share training rows, is optimistic.");
        if (NeighbourhoodsText() is { } neighbourhoods) text.AppendLine(neighbourhoods);
        text.Append(Recommendation);
        return text.ToString();
    }

    private string? NeighbourhoodsText()
    {
        var measured = ClassNeighbourhoods.Where(c => c.RealRows > 0 && c.GanRows > 0).ToArray();
        if (measured.Length == 0) return null;
        static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);
        var stray = measured.Where(c => c.GanRowsStray).Select(c => $"'{c.Class}'").ToArray();
        return "Neighbourhoods (rows whose nearest real training row, over the standardised numeric columns, is of their own class; real rows, each left out, against GAN rows): " +
            string.Join(", ", measured.Select(c => $"{c.Class} {Percent(c.RealShare)} / {Percent(c.GanShare)} ({c.RealRows} / {c.GanRows} rows)")) + ". " +
            (stray.Length == 0
                ? "No class's GAN rows stray from where its real rows lie."
                : $"The GAN rows of {string.Join(", ", stray)} fall among other classes' rows more often than real rows do: they blur the class boundary rather than fill the class in.");
    }

    private string FoldScoresText(AugmentationMethodResult method) =>
        string.Join(" | ", Enumerable.Range(0, NumberOfRepeats).Select(j => string.Join(" ", method.ScoresOfRepeat(j).Select(Number))));

    internal static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);

    private static string P(double value) => value < 0.001 ? "<0.001" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
