using GanEstimators.Conditioning;
using GanEstimators.Encoding;

namespace GanEstimators.Sampling;

/// <summary>Condition classes drawn by their training frequencies, as an unconditioned sample draws them.</summary>
internal static class DrawnClasses
{
    public static int[] ByFrequency(ConditionEncoder condition, int rows, Random random)
    {
        var cumulative = CumulativeWeights.Of(condition.Frequencies);
        return Enumerable.Range(0, rows).Select(_ => CumulativeWeights.Draw(cumulative, random)).ToArray();
    }
}
