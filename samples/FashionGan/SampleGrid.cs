using GanEstimators.Samples;
using GanEstimators;

namespace FashionGan;

/// <summary>A PNG of <c>columns</c> samples of every class, one row per class in the sampler's class order, separated by grey lines, each pixel drawn 2×2.</summary>
internal static class SampleGrid
{
    private const int Gap = 2;
    private const int Scale = 2;

    /// <summary>Every row uses the same <paramref name="seed"/>, so a column shares its noise across classes.</summary>
    public static void Save(GanSampler sampler, int columns, int seed, string path)
    {
        var classes = sampler.ConditionClasses;
        var rows = classes.Select(c => GeneratedImages.Read(sampler.Sample(columns, c, seed), sampler.FeatureColumnNames[0])).ToArray();
        Save(rows, (int)Math.Sqrt(rows[0][0].Length), path);
    }

    public static void Save(IReadOnlyList<IReadOnlyList<byte[]>> rows, int side, string path)
    {
        var columns = rows.Max(r => r.Count);
        var cell = side + Gap;
        var width = (columns * cell + Gap) * Scale;
        var height = (rows.Count * cell + Gap) * Scale;
        var canvas = new byte[width * height];
        Array.Fill(canvas, (byte)128);
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < rows[r].Count; c++)
                for (var y = 0; y < side * Scale; y++)
                    for (var x = 0; x < side * Scale; x++)
                        canvas[((Gap + r * cell) * Scale + y) * width + (Gap + c * cell) * Scale + x] = rows[r][c][y / Scale * side + x / Scale];
        GreyPng.Save(path, canvas, width, height);
    }
}
