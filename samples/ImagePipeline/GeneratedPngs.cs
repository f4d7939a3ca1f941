using GanEstimators;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace ImagePipeline;

/// <summary>Samples each class from the generator and writes the rows back out as PNGs through ML.NET's <c>ConvertToImage</c>.</summary>
internal static class GeneratedPngs
{
    public static IReadOnlyList<string> Write(MLContext ml, GanSampler sampler, string folder, int perClass, int seed)
    {
        Directory.CreateDirectory(folder);
        // ConvertToImage fills absent colours with a constant, so a red plane alone would give a red digit:
        // repeating the grey plane as red, green and blue (planar, like ExtractPixels' output) keeps it grey.
        var toImage = ml.Transforms.Concatenate("GreyAsRgb", "Features", "Features", "Features")
            .Append(ml.Transforms.ConvertToImage(DigitPngFolder.Side, DigitPngFolder.Side, "Generated", "GreyAsRgb",
                colorsPresent: ImagePixelExtractingEstimator.ColorBits.Rgb));
        var written = new List<string>();
        foreach (var digit in sampler.ConditionClasses)
        {
            var generated = sampler.Sample(perClass, condition: digit, seed: seed);
            var images = toImage.Fit(generated).Transform(generated);
            var index = 0;
            foreach (var image in images.GetColumn<MLImage>("Generated"))
            {
                var path = Path.Combine(folder, $"digit{digit}-{index++:D2}.png");
                image.Save(path);
                image.Dispose();
                written.Add(path);
            }
        }
        return written;
    }
}
