namespace GanEstimators.Evaluation;

/// <summary>Accuracy and macro-F1 of predicted classes, as scikit-learn computes them.</summary>
internal static class ClassificationScores
{
    public static ClassificationQuality Of(IReadOnlyList<string> truth, IReadOnlyList<string> predicted)
    {
        var correct = truth.Where((label, i) => label == predicted[i]).Count();
        // sklearn's average='macro' runs over every class seen in either the truth or the predictions.
        var f1 = truth.Union(predicted).Select(label =>
        {
            int truePositives = 0, falsePositives = 0, falseNegatives = 0;
            for (var i = 0; i < truth.Count; i++)
            {
                var isTrue = truth[i] == label;
                var isPredicted = predicted[i] == label;
                if (isTrue && isPredicted) truePositives++;
                else if (isPredicted) falsePositives++;
                else if (isTrue) falseNegatives++;
            }
            return 2.0 * truePositives / (2 * truePositives + falsePositives + falseNegatives);
        });
        return new ClassificationQuality((double)correct / truth.Count, f1.Average());
    }
}
