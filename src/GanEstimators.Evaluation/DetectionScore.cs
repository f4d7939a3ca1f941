using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Evaluation;

/// <summary>
/// Can a classifier tell synthetic rows from real ones? Equally many rows of each (a seeded subsample of the larger
/// table), real labelled false and synthetic true, 3-fold stratified cross-validation of boosted trees, mean ROC AUC.
/// </summary>
internal static class DetectionScore
{
    private const int Folds = 3;

    public static double Auc(MLContext ml, EvaluatedTable real, EvaluatedTable synthetic, int seed)
    {
        var n = Math.Min(real.RowCount, synthetic.RowCount);
        if (n < Folds) return double.NaN;
        var random = new Random(seed);
        var realSample = real.Rows(Subsample(real.RowCount, n, random));
        var syntheticSample = synthetic.Rows(Subsample(synthetic.RowCount, n, random));
        var encoded = TreeFeatures.Encode(new[] { realSample, syntheticSample }, real.Columns.Select(c => c.Name).ToArray());
        var features = encoded[0].Concat(encoded[1]).ToArray();
        var isSynthetic = Enumerable.Repeat(false, n).Concat(Enumerable.Repeat(true, n)).ToArray();
        var fold = StratifiedFolds(isSynthetic, random);
        var trainer = BoostedTrees.BinaryTrainer(ml, seed);

        var areas = new List<double>();
        for (var f = 0; f < Folds; f++)
        {
            var train = Enumerable.Range(0, features.Length).Where(i => fold[i] != f).ToArray();
            var test = Enumerable.Range(0, features.Length).Where(i => fold[i] == f).ToArray();
            var model = trainer.Fit(Examples(ml, features, isSynthetic, train));
            var scores = model.Transform(Examples(ml, features, isSynthetic, test)).GetColumn<float>("Score").ToArray();
            areas.Add(ReceiverOperatingCharacteristic.AreaUnderCurve(test.Select(i => isSynthetic[i]).ToArray(), scores));
        }
        return areas.Average();
    }

    private static IDataView Examples(MLContext ml, float[][] features, bool[] labels, int[] rows) =>
        BoostedTrees.Examples(ml, rows.Select(i => features[i]).ToArray(), rows.Select(i => labels[i]).ToArray(), BooleanDataViewType.Instance);

    private static int[] Subsample(int rowCount, int size, Random random)
    {
        var rows = Enumerable.Range(0, rowCount).ToArray();
        random.Shuffle(rows);
        return rows[..size];
    }

    /// <summary>Fold of each row: each class's rows are shuffled and dealt round-robin, so every fold has both classes.</summary>
    private static int[] StratifiedFolds(bool[] labels, Random random)
    {
        var fold = new int[labels.Length];
        foreach (var label in new[] { false, true })
        {
            var rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).ToArray();
            random.Shuffle(rows);
            for (var k = 0; k < rows.Length; k++) fold[rows[k]] = k % Folds;
        }
        return fold;
    }
}
