using GanEstimators.Serialization;
using System.Security.Cryptography;

namespace GanEstimators.Persistence;

/// <summary>
/// SHA-256 hashes of a GAN model's streams: its own content in the model stream and each binary stream
/// (<c>Generator.bin</c>, <c>TrainingState.bin</c>). They are written as a small block at the start of the model stream,
/// before the content they cover: ML.NET opens that stream first and its header's format version says the block must be
/// there, so the hashes cannot go missing unnoticed and are checked before a single field of the model is parsed.
/// They detect damage (a truncated download, a flipped bit), not a deliberate edit: they carry no key, so whoever edits
/// a file can write its hashes again; the bounds and cross-checks behind them are what stand against such an edit.
/// </summary>
internal sealed class ModelChecksums
{
    /// <summary>The name under which the model stream's own content (everything after this block) is hashed.</summary>
    public const string ContentName = "Model.key";

    private const int MaxEntries = 16;
    private const int HashBytes = 32;

    private readonly Dictionary<string, byte[]> _hashes;

    private ModelChecksums(Dictionary<string, byte[]> hashes) => _hashes = hashes;

    /// <summary>Hashes of the given streams (name → bytes); null bytes mean the stream is not written.</summary>
    public static ModelChecksums Of(IEnumerable<(string Name, byte[]? Bytes)> streams) =>
        new(streams.Where(s => s.Bytes is not null).ToDictionary(s => s.Name, s => SHA256.HashData(s.Bytes!), StringComparer.Ordinal));

    public void Write(BinaryWriter writer)
    {
        writer.Write(_hashes.Count);
        foreach (var (name, hash) in _hashes)
        {
            writer.Write(name);
            writer.Write(hash);
        }
    }

    public static ModelChecksums Read(BinaryReader reader)
    {
        var count = reader.ReadCount("number of stream hashes", MaxEntries, bytesPerItem: HashBytes + 2, min: 1);
        var hashes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadBoundedString("name of a hashed stream");
            if (name.Length is 0 or > 64 || !hashes.TryAdd(name, reader.ReadBytes(HashBytes)))
                throw new InvalidDataException($"The saved stream hashes name '{name}' twice or have a malformed name.");
            if (hashes[name].Length != HashBytes) throw new EndOfStreamException();
        }
        return hashes.ContainsKey(ContentName) ? new ModelChecksums(hashes)
            : throw new InvalidDataException($"The saved stream hashes have none for the model's own content ('{ContentName}').");
    }

    public bool Covers(string name) => _hashes.ContainsKey(name);

    /// <summary>Throws when <paramref name="bytes"/> are not what was saved as <paramref name="name"/>, or no hash was saved for them.</summary>
    public void Verify(string name, byte[] bytes, string entry)
    {
        if (!_hashes.TryGetValue(name, out var expected))
            throw new InvalidDataException($"Model entry '{entry}' is present but the model saved no hash for it; the file was altered after it was saved.");
        if (!CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(bytes)))
            throw new InvalidDataException(
                $"Model entry '{entry}' is damaged or was altered: its SHA-256 differs from the one saved with the model. Use an intact copy of the model file.");
    }
}
