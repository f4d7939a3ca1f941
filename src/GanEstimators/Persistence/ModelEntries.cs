using GanEstimators.Serialization;
using Microsoft.ML;

namespace GanEstimators.Persistence;

/// <summary>
/// Reads the streams of one model out of ML.NET's model zip into memory, bounded by what the zip really holds, so they can
/// be hashed before they are parsed. Names entries by their path in the zip (e.g. <c>TransformerChain/Generator.bin</c>).
/// </summary>
internal static class ModelEntries
{
    /// <summary>The path of stream <paramref name="name"/> of the model being loaded, as the zip names it.</summary>
    public static string PathOf(ModelLoadContext ctx, string name) =>
        string.IsNullOrEmpty(ctx.Directory) ? name : $"{ctx.Directory.Replace('\\', '/')}/{name}";

    /// <summary>The model stream's block (what the saver wrote after ML.NET's header), leaving the reader at its end as ML.NET expects.</summary>
    public static byte[] ReadModelBlock(ModelLoadContext ctx, string entry)
    {
        var length = ctx.Header.CbModel;
        var stream = ctx.Reader.BaseStream;
        if (length < 0 || length > ModelLimits.MaxStreamBytes || (stream.CanSeek && length > stream.Length - stream.Position))
            throw new InvalidDataException($"Model entry '{entry}' declares a model block of {length} bytes, more than it holds (truncated or damaged).");
        var bytes = ctx.Reader.ReadBytes((int)length);
        if (bytes.Length != length) throw new InvalidDataException($"Model entry '{entry}' ends after {bytes.Length} of its {length} bytes (truncated).");
        return bytes;
    }

    /// <summary>The bytes of binary stream <paramref name="name"/>, or null when the model has none.</summary>
    public static byte[]? ReadBinaryStream(ModelLoadContext ctx, string name, string entry)
    {
        byte[]? bytes = null;
        try
        {
            ctx.TryLoadBinaryStream(name, reader => bytes = ReadAll(reader.BaseStream, entry));
        }
        catch (Exception e) when (e is not InvalidDataException || !e.Message.StartsWith($"Model entry '{entry}'", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Model entry '{entry}' cannot be read from the model zip: {e.Message}", e);
        }
        return bytes;
    }

    private static byte[] ReadAll(Stream stream, string entry)
    {
        if (stream.CanSeek && stream.Length - stream.Position > ModelLimits.MaxStreamBytes)
            throw new InvalidDataException($"Model entry '{entry}' is {stream.Length} bytes, more than a model stream can be.");
        using var copy = stream.CanSeek ? new MemoryStream((int)(stream.Length - stream.Position)) : new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > ModelLimits.MaxStreamBytes) throw new InvalidDataException($"Model entry '{entry}' is larger than a model stream can be.");
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    /// <summary>Runs <paramref name="parse"/> over <paramref name="bytes"/>; anything it throws becomes an <see cref="InvalidDataException"/> naming <paramref name="entry"/>, and it must read every byte.</summary>
    public static T Parse<T>(byte[] bytes, int offset, string entry, Func<BinaryReader, T> parse)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, offset, bytes.Length - offset, writable: false));
        T result;
        try
        {
            result = parse(reader);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Invalid(entry, e);
        }
        var left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (left != 0) throw new InvalidDataException($"Model entry '{entry}' has {left} bytes after its content; the file was altered or damaged.");
        return result;
    }

    /// <summary>An <see cref="InvalidDataException"/> naming <paramref name="entry"/> and what was wrong in it.</summary>
    public static InvalidDataException Invalid(string entry, Exception e) =>
        new($"Model entry '{entry}' is invalid: {(e is EndOfStreamException ? "it ends early (truncated)." : e.Message)}", e);
}
