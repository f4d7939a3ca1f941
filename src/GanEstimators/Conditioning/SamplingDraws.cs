using GanEstimators.Encoding;

namespace GanEstimators.Conditioning;

/// <summary>
/// The conditional vector for sampling without a request: one column per row, its slot by the real frequencies — within
/// the row's class when the GAN is conditional and the model has them, so a class is never paired with a category it
/// does not have (no Gentoo penguin on Dream island because Dream is common overall).
/// </summary>
internal static class SamplingDraws
{
    /// <summary>Fills <paramref name="vector"/> (count × the vector's width) for <paramref name="count"/> rows of the given classes (or none).</summary>
    public static void Fill(ConditionalVector conditional, int count, Span<float> vector, Random random, int[]? classes = null)
    {
        for (var i = 0; i < count; i++)
        {
            var position = Position(conditional, random, classes?[i] ?? -1);
            if (position >= 0) vector[i * conditional.Width + position] = 1;
        }
    }

    /// <summary>
    /// One row's draw: its position in the vector, or -1 when the condition column was drawn. The slot follows the
    /// frequencies within <paramref name="classIndex"/> when it is given (≥ 0) and the model has them.
    /// </summary>
    public static int Position(ConditionalVector conditional, Random random, int classIndex = -1)
    {
        var column = conditional.Columns[random.Next(conditional.Columns.Count)];
        if (column.Width == 0) return -1;
        var cumulative = classIndex >= 0 && column.CumulativeByClass?[classIndex] is { } withinClass ? withinClass : column.Cumulative;
        return column.VectorOffset + CumulativeWeights.Draw(cumulative, random);
    }
}
