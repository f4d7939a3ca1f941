using System.IO.Compression;
using System.Security.Cryptography;

namespace GanEstimators.Tests.Persistence;

/// <summary>
/// Edits a saved GAN model the way damage or a hand edit would: rewrites one zip entry (so the zip itself stays valid),
/// and, to reach the checks behind the hashes, recomputes the SHA-256 block at the start of the model stream as a forger
/// would. Knows just enough of the layout: ML.NET's 256-byte model header (model block at 0x10, its size at 0x18) and
/// the hash block (an int count, then per stream a name and 32 bytes).
/// </summary>
internal sealed class ModelZip(string path)
{
    public string Path { get; } = path;

    public static ModelZip CopyOf(string source, string folder, string name)
    {
        var path = System.IO.Path.Combine(folder, name);
        File.Copy(source, path, overwrite: true);
        return new ModelZip(path);
    }

    /// <summary>The full path of the entry named <paramref name="name"/> (e.g. "Generator.bin") in the model's folder.</summary>
    public string EntryName(string name)
    {
        using var zip = ZipFile.OpenRead(Path);
        return zip.Entries.Single(e => e.Name == name).FullName;
    }

    public byte[] Read(string name)
    {
        using var zip = ZipFile.OpenRead(Path);
        using var stream = zip.Entries.Single(e => e.Name == name).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Write(string name, byte[] bytes)
    {
        using var zip = ZipFile.Open(Path, ZipArchiveMode.Update);
        var entry = zip.Entries.Single(e => e.Name == name);
        var fullName = entry.FullName;
        entry.Delete();
        using var stream = zip.CreateEntry(fullName).Open();
        stream.Write(bytes);
    }

    public void Delete(string name)
    {
        using var zip = ZipFile.Open(Path, ZipArchiveMode.Update);
        zip.Entries.Single(e => e.Name == name).Delete();
    }

    public void Edit(string name, Action<byte[]> edit)
    {
        var bytes = Read(name);
        edit(bytes);
        Write(name, bytes);
    }

    /// <summary>Where the model's content starts in Model.key (after ML.NET's header and the hash block).</summary>
    public int ContentOffset()
    {
        var model = Read("Model.key");
        var block = (int)BitConverter.ToInt64(model, 0x10);
        using var reader = new BinaryReader(new MemoryStream(model, block, model.Length - block));
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            reader.ReadString();
            reader.ReadBytes(32);
        }
        return block + (int)reader.BaseStream.Position;
    }

    /// <summary>Recomputes the saved hashes of the (edited) content and streams, so only the checks behind the hashes stand.</summary>
    public void Rehash()
    {
        var model = Read("Model.key");
        var block = (int)BitConverter.ToInt64(model, 0x10);
        var size = (int)BitConverter.ToInt64(model, 0x18);
        var content = ContentOffset();
        using var reader = new BinaryReader(new MemoryStream(model, block, size));
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            var at = block + (int)reader.BaseStream.Position;
            var hash = name == "Model.key" ? SHA256.HashData(model.AsSpan(content, block + size - content)) : SHA256.HashData(Read(name));
            hash.CopyTo(model, at);
            reader.ReadBytes(32);
        }
        Write("Model.key", model);
    }

    /// <summary>The offset in <paramref name="bytes"/> of the first occurrence of the given ints (little-endian), or -1.</summary>
    public static int Find(byte[] bytes, params int[] values)
    {
        var pattern = values.SelectMany(BitConverter.GetBytes).ToArray();
        return bytes.AsSpan().IndexOf(pattern);
    }

    /// <summary>The offset of the first Float32 weight in a TorchSharp state dict.</summary>
    public static int FirstFloatWeight(byte[] stateDict)
    {
        using var reader = new BinaryReader(new MemoryStream(stateDict));
        var count = Leb128(reader);
        for (var i = 0; i < count; i++)
        {
            reader.ReadString();
            var type = Leb128(reader);
            var dimensions = Leb128(reader);
            long elements = 1;
            for (var d = 0; d < dimensions; d++) elements *= Leb128(reader);
            if (type == 6 && elements > 0) return (int)reader.BaseStream.Position;
            reader.BaseStream.Position += elements * (type is 4 or 7 ? 8 : type == 6 || type == 3 ? 4 : 1);
        }
        throw new InvalidOperationException("no Float32 tensor");
    }

    private static long Leb128(BinaryReader reader)
    {
        long result = 0;
        for (var shift = 0; ; shift += 7)
        {
            long b = reader.ReadByte();
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }
}
