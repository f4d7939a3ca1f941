using System.Globalization;
using GanEstimators.Samples;
using Microsoft.ML.Data;

namespace ImagePipeline;

/// <summary>One PNG on disk and the digit it shows, as ML.NET's <c>LoadImages</c> expects: a path relative to the image folder.</summary>
internal sealed class DigitImage
{
    [LoadColumn(0)] public string Path { get; set; } = "";
    [LoadColumn(1)] public string Label { get; set; } = "";
}

/// <summary>Turns <c>data/digits-8x8.csv</c> (grey levels 0..16, then the label) into a folder of 8×8 grey PNGs.</summary>
internal static class DigitPngFolder
{
    public const int Side = 8;

    public static IReadOnlyList<DigitImage> Write(string csvPath, string folder)
    {
        Directory.CreateDirectory(folder);
        var images = new List<DigitImage>();
        foreach (var line in File.ReadLines(csvPath).Skip(1))
        {
            var cells = line.Split(',');
            var pixels = cells.Take(Side * Side)
                .Select(c => (byte)Math.Round(double.Parse(c, CultureInfo.InvariantCulture) * 255 / 16))
                .ToArray();
            var label = cells[Side * Side].Trim();
            var fileName = $"{images.Count:D4}-digit{label}.png";
            GreyPng.Save(System.IO.Path.Combine(folder, fileName), pixels, Side, Side);
            images.Add(new DigitImage { Path = fileName, Label = label });
        }

        File.WriteAllLines(System.IO.Path.Combine(folder, "images.tsv"),
            images.Select(i => $"{i.Path}\t{i.Label}").Prepend("Path\tLabel"));
        return images;
    }
}
