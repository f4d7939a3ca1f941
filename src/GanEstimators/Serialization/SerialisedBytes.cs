namespace GanEstimators.Serialization;

/// <summary>What a writer callback writes, as bytes (UTF-8 strings, as <see cref="BinaryWriter"/> writes them).</summary>
internal static class SerialisedBytes
{
    public static byte[] Of(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) write(writer);
        return stream.ToArray();
    }
}
