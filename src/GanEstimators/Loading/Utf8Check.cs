using System.Buffers;
using System.Text.Unicode;

namespace GanEstimators.Loading;

/// <summary>Finds where a file stops being valid UTF-8, for the message that says so.</summary>
internal static class Utf8Check
{
    /// <summary>"line L, byte offset B (0xXX)" of the first invalid UTF-8 sequence, or a plain note when none is found.</summary>
    public static string DescribeFirstInvalidBytes(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[64 * 1024];
        var chars = new char[buffer.Length];
        long offset = 0;
        var line = 1;
        var kept = 0;
        while (true)
        {
            var read = stream.Read(buffer, kept, buffer.Length - kept);
            var length = kept + read;
            var final = read == 0;
            var bytes = buffer.AsSpan(0, length);
            var status = Utf8.ToUtf16(bytes, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
            line += bytes[..consumed].Count((byte)'\n');
            if (status == OperationStatus.InvalidData)
                return $"invalid bytes at line {line}, byte offset {offset + consumed} (0x{buffer[consumed]:X2})";
            offset += consumed;
            if (final) return "invalid bytes";
            kept = length - consumed;
            bytes[consumed..].CopyTo(buffer);
        }
    }
}
