using System.Buffers.Binary;
using System.IO.Compression;

namespace GanEstimators.Loading;

/// <summary>
/// One IDX file of unsigned bytes (LeCun's MNIST format): a big-endian header — magic 0x0000 0x08 ndims, then one
/// int32 size per dimension — followed by the bytes in row-major order. Gzipped files are recognised by their magic
/// bytes, not their name.
/// </summary>
internal sealed record IdxFile(string Path, int[] Dimensions, byte[] Data)
{
    public const int ImagesMagic = 2051;
    public const int LabelsMagic = 2049;

    public int Count => Dimensions[0];

    /// <summary>Reads the header and the first <paramref name="maxItems"/> items (all when null).</summary>
    public static IdxFile Read(string path, int expectedMagic, string what, int? maxItems)
    {
        using var stream = Open(path);
        var header = new byte[4];
        ReadExactly(stream, header, path, $"the 4-byte header of an IDX {what} file");
        var magic = BinaryPrimitives.ReadInt32BigEndian(header);
        if (magic != expectedMagic)
            throw new InvalidDataException($"'{path}' is not an IDX {what} file: its magic number is {magic}, expected {expectedMagic}.");

        var dimensions = new int[expectedMagic & 0xFF];
        var sizes = new byte[4 * dimensions.Length];
        ReadExactly(stream, sizes, path, $"the {dimensions.Length} dimension sizes of an IDX {what} file");
        for (var i = 0; i < dimensions.Length; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(sizes.AsSpan(4 * i));
            if (dimensions[i] < 0) throw new InvalidDataException($"'{path}' declares a negative size ({dimensions[i]}) for dimension {i}.");
        }

        // Each size is below 2^31, so the product of two fits a long; checking after each keeps it from wrapping.
        var itemSize = 1L;
        foreach (var size in dimensions.Skip(1))
        {
            itemSize *= size;
            if (itemSize > Array.MaxLength)
                throw new InvalidDataException($"'{path}' declares {what} of {string.Join("×", dimensions.Skip(1))} bytes each, more than one array can hold ({Array.MaxLength} bytes); it is not an IDX {what} file this loader can read.");
        }
        var items = Math.Min(dimensions[0], maxItems ?? int.MaxValue);
        var length = items * itemSize;
        if (length > Array.MaxLength)
            throw new InvalidDataException($"'{path}': {items} {what} of {itemSize} bytes do not fit in memory at once; pass a smaller maxRows.");
        var data = new byte[length];
        ReadExactly(stream, data, path, $"{items} {what} of {itemSize} bytes each ({string.Join("×", dimensions)} declared)");
        return new IdxFile(path, dimensions, data);
    }

    private static Stream Open(string path)
    {
        var file = File.OpenRead(path);
        var first = new byte[2];
        var read = file.ReadAtLeast(first, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && first[0] == 0x1f && first[1] == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    private static void ReadExactly(Stream stream, byte[] buffer, string path, string expected)
    {
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read < buffer.Length)
            throw new InvalidDataException($"'{path}' is truncated: expected {expected}, but it ends after {read} of {buffer.Length} bytes.");
    }
}
