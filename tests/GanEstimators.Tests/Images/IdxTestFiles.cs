using System.Buffers.Binary;
using System.IO.Compression;

namespace GanEstimators.Tests.Images;

/// <summary>Writes tiny IDX files (the MNIST format) into a temporary folder that is deleted on dispose.</summary>
internal sealed class IdxTestFiles : IDisposable
{
    public IdxTestFiles() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "idx-" + Guid.NewGuid().ToString("N"));

    /// <summary>Images of <paramref name="rows"/>×<paramref name="cols"/>; pixel p of image i is (7·i + p) mod 256.</summary>
    public static byte[] Pixels(int count, int rows, int cols) =>
        Enumerable.Range(0, count * rows * cols).Select(k => (byte)((7 * (k / (rows * cols)) + k % (rows * cols)) % 256)).ToArray();

    public string Images(string name, int count, int rows, int cols, bool gzip, int magic = 2051, int? truncateTo = null) =>
        Write(name, Header(magic, count, rows, cols).Concat(Pixels(count, rows, cols)).ToArray(), gzip, truncateTo);

    /// <summary>An images file that declares <paramref name="count"/> images of <paramref name="rows"/>×<paramref name="cols"/> and holds no pixels.</summary>
    public string ImagesHeaderOnly(string name, int count, int rows, int cols) => Write(name, Header(2051, count, rows, cols), gzip: false, null);

    public string Labels(string name, byte[] labels, bool gzip, int magic = 2049) =>
        Write(name, Header(magic, labels.Length).Concat(labels).ToArray(), gzip, null);

    /// <summary>32 images of 8×8 labelled 0, 1, 0, 1, …, loaded with <see cref="Loading.IdxImages"/>: enough for a few quick training steps.</summary>
    public Microsoft.ML.IDataView TwoClassImages(Microsoft.ML.MLContext ml)
    {
        var labels = Enumerable.Range(0, 32).Select(i => (byte)(i % 2)).ToArray();
        return Loading.IdxImages.Load(ml, Images("images", labels.Length, rows: 8, cols: 8, gzip: false), Labels("labels", labels, gzip: false));
    }

    private string Write(string name, byte[] bytes, bool gzip, int? truncateTo)
    {
        if (truncateTo is { } length) bytes = bytes[..length];
        var path = Path.Combine(Folder, name);
        using var file = File.Create(path);
        using var stream = gzip ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file;
        stream.Write(bytes);
        return path;
    }

    private static byte[] Header(params int[] values)
    {
        var bytes = new byte[4 * values.Length];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 * i), values[i]);
        return bytes;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
