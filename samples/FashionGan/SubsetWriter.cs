using GanEstimators.Samples;
using System.Buffers.Binary;
using System.IO.Compression;

namespace FashionGan;

/// <summary>
/// Writes the shipped subset: the first <c>perClass</c> images of each class, in their original order, from the training
/// and the test files, as gzipped IDX files with the standard names (so <c>--data</c> takes either folder).
/// </summary>
internal static class SubsetWriter
{
    public const int TrainingPerClass = 600;
    public const int TestPerClass = 100;

    public static void Write(string source, string target)
    {
        Directory.CreateDirectory(target);
        Copy(source, target, FashionFiles.TrainImages, FashionFiles.TrainLabels, TrainingPerClass);
        Copy(source, target, FashionFiles.TestImages, FashionFiles.TestLabels, TestPerClass);
    }

    private static void Copy(string source, string target, string imagesFile, string labelsFile, int perClass)
    {
        var (imageDims, images) = Read(Path.Combine(source, imagesFile));
        var (_, labels) = Read(Path.Combine(source, labelsFile));
        var pixels = imageDims[1] * imageDims[2];
        var taken = new Dictionary<byte, int>();
        var chosen = new List<int>();
        for (var i = 0; i < labels.Length; i++)
        {
            var count = taken.GetValueOrDefault(labels[i]);
            if (count >= perClass) continue;
            taken[labels[i]] = count + 1;
            chosen.Add(i);
        }
        var subsetImages = chosen.SelectMany(i => images.AsSpan(i * pixels, pixels).ToArray()).ToArray();
        Save(Path.Combine(target, imagesFile), 2051, new[] { chosen.Count, imageDims[1], imageDims[2] }, subsetImages);
        Save(Path.Combine(target, labelsFile), 2049, new[] { chosen.Count }, chosen.Select(i => labels[i]).ToArray());
        Console.WriteLine($"  {imagesFile}: {chosen.Count} images ({string.Join(", ", taken.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"))})");
    }

    private static (int[] Dimensions, byte[] Data) Read(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var header = new byte[4];
        stream.ReadExactly(header);
        var dimensions = new int[header[3]];
        var sizes = new byte[4 * dimensions.Length];
        stream.ReadExactly(sizes);
        for (var d = 0; d < dimensions.Length; d++) dimensions[d] = BinaryPrimitives.ReadInt32BigEndian(sizes.AsSpan(4 * d));
        var data = new byte[dimensions.Aggregate(1, (a, b) => a * b)];
        stream.ReadExactly(data);
        return (dimensions, data);
    }

    private static void Save(string path, int magic, int[] dimensions, byte[] data) => AtomicFile.Write(path, temporary =>
    {
        using var stream = new GZipStream(File.Create(temporary), CompressionLevel.SmallestSize);
        var header = new byte[4 * (1 + dimensions.Length)];
        BinaryPrimitives.WriteInt32BigEndian(header, magic);
        for (var d = 0; d < dimensions.Length; d++) BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 * (d + 1)), dimensions[d]);
        stream.Write(header);
        stream.Write(data);
    });
}
