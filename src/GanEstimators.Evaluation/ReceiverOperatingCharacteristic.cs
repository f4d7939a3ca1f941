namespace GanEstimators.Evaluation;

/// <summary>Area under the ROC curve from scores, exactly (no binning): the Mann–Whitney statistic with tied scores sharing their ranks.</summary>
internal static class ReceiverOperatingCharacteristic
{
    public static double AreaUnderCurve(IReadOnlyList<bool> positive, IReadOnlyList<float> scores)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var averageRank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
                if (positive[order[k]]) { positiveRankSum += averageRank; positives++; }
            start = end + 1;
        }
        long negatives = order.Length - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }
}
