using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Images;

/// <summary>
/// The UCI handwritten digits (<c>data/digits-8x8.csv</c>): 1797 images of 8×8 grey levels 0..16 and their digit,
/// loaded as one flat <c>Pixels</c> vector of 64 Single values (row by row) and a text <c>Label</c>.
/// </summary>
internal static class Digits
{
    public const string Pixels = "Pixels";
    public const string Label = "Label";
    public const int Size = 8;

    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "data", "digits-8x8.csv");

    public static IDataView Load(MLContext ml) => ml.Data.LoadFromTextFile(Path, new[]
    {
        new TextLoader.Column(Pixels, DataKind.Single, 0, Size * Size - 1),
        new TextLoader.Column(Label, DataKind.String, Size * Size),
    }, separatorChar: ',', hasHeader: true);

    /// <summary>The mean image of every digit, 0 to 9.</summary>
    public static float[][] ClassMeans(IDataView data)
    {
        var images = data.GetColumn<float[]>(Pixels).ToArray();
        var labels = data.GetColumn<string>(Label).ToArray();
        return Enumerable.Range(0, 10).Select(digit => Mean(images.Where((_, i) => labels[i] == digit.ToString()).ToArray())).ToArray();
    }

    public static float[] Mean(IReadOnlyList<float[]> images)
    {
        var mean = new float[images[0].Length];
        foreach (var image in images)
            for (var p = 0; p < mean.Length; p++) mean[p] += image[p] / images.Count;
        return mean;
    }

    /// <summary>The digit whose mean image is nearest (Euclidean) to <paramref name="image"/>.</summary>
    public static int NearestMean(float[] image, float[][] means) =>
        Enumerable.Range(0, means.Length).MinBy(d => means[d].Select((m, p) => (m - image[p]) * (m - image[p])).Sum());
}
