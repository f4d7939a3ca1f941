using GanEstimators.Samples;
using System.Globalization;
using GanEstimators;

namespace FashionGan;

/// <summary><c>generated.csv</c>: <c>label</c>, then <c>pixel_0</c>..<c>pixel_783</c> as integers 0..255, <c>perClass</c> rows of each class.</summary>
internal static class GeneratedCsv
{
    /// <summary>Class k is sampled with seed <paramref name="seed"/> + k, as <see cref="GanEstimators.Evaluation.Images.ImageGenerationMetrics"/> does, so with the same seed these are the images it judged.</summary>
    public static void Write(GanSampler sampler, int perClass, int seed, string path) => AtomicFile.Write(path, temporary =>
    {
        using var writer = new StreamWriter(temporary);
        var classes = sampler.ConditionClasses;
        var header = false;
        for (var k = 0; k < classes.Count; k++)
            foreach (var image in GeneratedImages.Read(sampler.Sample(perClass, classes[k], seed + k), sampler.FeatureColumnNames[0]))
            {
                if (!header)
                {
                    writer.WriteLine("label," + string.Join(",", Enumerable.Range(0, image.Length).Select(p => string.Create(CultureInfo.InvariantCulture, $"pixel_{p}"))));
                    header = true;
                }
                writer.Write(classes[k]);
                foreach (var pixel in image) { writer.Write(','); writer.Write(pixel.ToString(CultureInfo.InvariantCulture)); }
                writer.WriteLine();
            }
    });
}
