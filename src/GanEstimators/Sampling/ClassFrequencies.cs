using GanEstimators.Conditioning;
using GanEstimators.Constraints;
using GanEstimators.Encoding;

namespace GanEstimators.Sampling;

/// <summary>
/// The weights a conditional GAN draws each sample row's class from when the request does not fix the class: the
/// training rows' class frequencies, or, when categorical columns are fixed, the class frequencies among the training
/// rows with those values (an island only Adelie penguins live on gives only Adelie rows).
/// </summary>
internal static class ClassFrequencies
{
    /// <summary>
    /// The weights for a request fixing <paramref name="fixedCategories"/>, read from the recorded combinations
    /// <paramref name="seen"/>; the overall frequencies when nothing is fixed, when no combinations were recorded (too
    /// many), or when no training row has every fixed value (an unseen combination the sampler was told to allow).
    /// </summary>
    public static double[] For(ConditionEncoder condition, IReadOnlyList<FixedCategory> fixedCategories, SeenCombinations? seen)
    {
        if (fixedCategories.Count == 0 || seen is null) return condition.Frequencies;
        var classPosition = PositionOf(seen, SeenCombinations.ConditionColumn);
        var fixedValues = fixedCategories.Select(f => (Position: PositionOf(seen, f.ColumnIndex), Id: SeenCombinations.IdOf(f.RawValue))).ToArray();
        if (classPosition < 0 || fixedValues.Any(v => v.Position < 0)) return condition.Frequencies;
        var counts = new double[condition.Count];
        foreach (var (tuple, count) in seen.Tuples)
            if (tuple[classPosition] >= 0 && fixedValues.All(v => tuple[v.Position] == v.Id)) counts[tuple[classPosition]] += count;
        return counts.Sum() > 0 ? counts : condition.Frequencies;
    }

    private static int PositionOf(SeenCombinations seen, int column)
    {
        for (var p = 0; p < seen.Columns.Count; p++)
            if (seen.Columns[p] == column) return p;
        return -1;
    }
}
