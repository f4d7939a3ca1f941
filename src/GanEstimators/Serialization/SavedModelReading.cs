namespace GanEstimators.Serialization;

/// <summary>
/// Reads sizes and values of a saved model with their bounds checked before use: a count is checked against its
/// <see cref="ModelLimits"/> bound and against the bytes left in the stream (so an edited size can never allocate more
/// than the file holds), a string's length likewise, a number for being finite. Every failure is an
/// <see cref="InvalidDataException"/> that says which field was wrong.
/// </summary>
internal static class SavedModelReading
{
    /// <summary>Reads a 32-bit count of items of at least <paramref name="bytesPerItem"/> bytes each, in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int ReadCount(this BinaryReader reader, string what, int max, int bytesPerItem, int min = 0)
    {
        var count = reader.ReadInt32();
        if (count < min || count > max)
            throw new InvalidDataException($"The saved {what} is {count}; expected {min} to {max}.");
        var left = BytesLeft(reader);
        if ((long)count * bytesPerItem > left)
            throw new InvalidDataException($"The saved {what} is {count}, but only {left} bytes are left for them; the model is truncated or damaged.");
        return count;
    }

    /// <summary>A string written by <see cref="BinaryWriter.Write(string)"/>, its length checked before it is read.</summary>
    public static string ReadBoundedString(this BinaryReader reader, string what)
    {
        var start = reader.BaseStream.Position;
        var length = Read7BitLength(reader, what);
        if (length > ModelLimits.MaxStringLength * 4L || length > BytesLeft(reader))
            throw new InvalidDataException($"The saved {what} claims {length} bytes; {BytesLeft(reader)} are left (at most {ModelLimits.MaxStringLength} characters, {ModelLimits.MaxStringLength * 4L} bytes, are allowed).");
        reader.BaseStream.Position = start;
        return reader.ReadString();
    }

    /// <summary>A byte array written as a 32-bit length then the bytes.</summary>
    public static byte[] ReadSizedBytes(this BinaryReader reader, string what, int max = ModelLimits.MaxStreamBytes)
    {
        var length = reader.ReadCount($"length of {what}", max, bytesPerItem: 1);
        return reader.ReadBytes(length);
    }

    public static double ReadFiniteDouble(this BinaryReader reader, string what)
    {
        var value = reader.ReadDouble();
        if (!double.IsFinite(value)) throw new InvalidDataException($"The saved {what} is {value}; it must be finite.");
        return value;
    }

    public static float ReadFiniteSingle(this BinaryReader reader, string what)
    {
        var value = reader.ReadSingle();
        if (!float.IsFinite(value)) throw new InvalidDataException($"The saved {what} is {value}; it must be finite.");
        return value;
    }

    /// <summary>An int in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int ReadInt32InRange(this BinaryReader reader, string what, int min, int max)
    {
        var value = reader.ReadInt32();
        if (value < min || value > max) throw new InvalidDataException($"The saved {what} is {value}; expected {min} to {max}.");
        return value;
    }

    /// <summary>A value of <typeparamref name="T"/> saved as its int, checked to be one of the enum's values.</summary>
    public static T ReadEnum<T>(this BinaryReader reader, string what) where T : struct, Enum
    {
        var value = reader.ReadInt32();
        var parsed = (T)Enum.ToObject(typeof(T), value);
        if (!Enum.IsDefined(parsed)) throw new InvalidDataException($"The saved {what} is {value}, which is not one of {string.Join(", ", Enum.GetNames<T>())}.");
        return parsed;
    }

    /// <summary>A saved string as it can be shown in an error: control characters escaped, at most 60 characters.</summary>
    public static string Printable(string text)
    {
        var shown = string.Concat(text.Take(60).Select(c => char.IsControl(c) || char.IsSurrogate(c) || c == '\uFFFD' ? $"\\u{(int)c:X4}" : c.ToString()));
        return text.Length > 60 ? shown + "…" : shown;
    }

    public static long BytesLeft(BinaryReader reader) => reader.BaseStream.Length - reader.BaseStream.Position;

    private static long Read7BitLength(BinaryReader reader, string what)
    {
        long value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = reader.ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new InvalidDataException($"The saved {what} has a malformed length.");
    }
}
