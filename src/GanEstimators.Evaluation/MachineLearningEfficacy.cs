using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Evaluation;

/// <summary>
/// Train-on-real vs train-on-synthetic, both tested on held-out real rows: a one-versus-all FastTree classifier on every
/// compared column except the label. Rows without a label are left out of training and testing.
/// </summary>
internal static class MachineLearningEfficacy
{
    private const string PredictedLabel = "PredictedLabel";

    public static (ClassificationQuality TrainOnReal, ClassificationQuality TrainOnSynthetic) Measure(
        MLContext ml, int seed, IReadOnlyList<string> featureNames,
        (EvaluatedTable Table, string?[] Labels) real, (EvaluatedTable Table, string?[] Labels) synthetic, (EvaluatedTable Table, string?[] Labels) test)
    {
        var encoded = TreeFeatures.Encode(new[] { real.Table, synthetic.Table, test.Table }, featureNames);
        var testRows = Labelled(test.Labels);
        if (testRows.Length == 0)
            throw new ArgumentException("The test data has no rows with a label.", nameof(TabularEvaluationOptions.TestData));
        var testFeatures = testRows.Select(r => encoded[2][r]).ToArray();
        var truth = testRows.Select(r => test.Labels[r]!).ToArray();
        return (Quality(ml, seed, encoded[0], real.Labels, testFeatures, truth),
                Quality(ml, seed, encoded[1], synthetic.Labels, testFeatures, truth));
    }

    private static ClassificationQuality Quality(MLContext ml, int seed, float[][] features, string?[] labels, float[][] testFeatures, string[] truth)
    {
        var rows = Labelled(labels);
        if (rows.Select(r => labels[r]).Distinct().Count() < 2) return ClassificationQuality.NotMeasurable;

        var training = BoostedTrees.Examples(ml, rows.Select(r => features[r]).ToArray(), rows.Select(r => labels[r]!).ToArray(), TextDataViewType.Instance);
        var model = ml.Transforms.Conversion.MapValueToKey(BoostedTrees.LabelColumn)
            .Append(ml.MulticlassClassification.Trainers.OneVersusAll(BoostedTrees.BinaryTrainer(ml, seed), BoostedTrees.LabelColumn))
            .Append(ml.Transforms.Conversion.MapKeyToValue(PredictedLabel))
            .Fit(training);
        // Test classes this side never saw become a missing key; the prediction uses only the features.
        var predicted = model.Transform(BoostedTrees.Examples(ml, testFeatures, truth, TextDataViewType.Instance))
            .GetColumn<ReadOnlyMemory<char>>(PredictedLabel).Select(label => label.ToString()).ToArray();
        return ClassificationScores.Of(truth, predicted);
    }

    private static int[] Labelled(string?[] labels) => Enumerable.Range(0, labels.Length).Where(r => labels[r] is not null).ToArray();
}
