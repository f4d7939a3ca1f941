using GanEstimators.Serialization;
using System.Globalization;
using System.Runtime.InteropServices;

namespace GanEstimators.Persistence;

/// <summary>
/// The layout of a TorchSharp state dict as <c>Module.save</c> writes it (an LEB128 entry count, then per tensor its
/// name, dtype, LEB128 shape and raw little-endian data), read without libtorch so a saved network can be checked before
/// one is built for it: every size bounded by the bytes present, every floating-point weight finite and below
/// <see cref="ModelLimits.MaxWeightMagnitude"/>.
/// </summary>
internal sealed class SavedStateDict
{
    /// <summary>One saved tensor: name, TorchSharp <c>ScalarType</c> code, shape, and where its data lies in the saved bytes.</summary>
    public sealed record Tensor(string Name, int ScalarType, long[] Shape, int DataOffset, int DataLength)
    {
        public string ShapeText => $"[{string.Join(", ", Shape)}]";
    }

    private SavedStateDict(IReadOnlyList<Tensor> tensors, long totalElements)
    {
        Tensors = tensors;
        TotalElements = totalElements;
    }

    public IReadOnlyList<Tensor> Tensors { get; }

    /// <summary>Values over all tensors.</summary>
    public long TotalElements { get; }

    /// <summary>Reads and checks <paramref name="bytes"/>; <paramref name="entry"/> names them in errors.</summary>
    public static SavedStateDict Read(byte[] bytes, string entry)
    {
        try
        {
            return ReadCore(bytes);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
        {
            throw new InvalidDataException($"Model entry '{entry}' does not hold valid network weights: {Describe(e)}", e);
        }
    }

    private static string Describe(Exception e) => e is EndOfStreamException ? "it ends early (truncated)." : e.Message;

    private static SavedStateDict ReadCore(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        var count = ReadLeb128(reader);
        if (count < 0 || count > ModelLimits.MaxStateDictEntries || count > bytes.Length)
            throw new InvalidDataException($"it claims {count} tensors.");
        var tensors = new List<Tensor>((int)count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadBoundedString("tensor name");
            if (!names.Add(name)) throw new InvalidDataException($"tensor '{name}' appears twice.");
            var type = ReadLeb128(reader);
            var elementSize = ElementSize(type) ?? throw new InvalidDataException($"tensor '{name}' has unknown element type {type}.");
            var dimensions = ReadLeb128(reader);
            if (dimensions > ModelLimits.MaxTensorDimensions) throw new InvalidDataException($"tensor '{name}' claims {dimensions} dimensions.");
            var shape = new long[dimensions];
            long elements = 1;
            for (var d = 0; d < dimensions; d++)
            {
                shape[d] = ReadLeb128(reader);
                if (shape[d] < 0 || shape[d] > ModelLimits.MaxStreamBytes) throw new InvalidDataException($"tensor '{name}' has a dimension of {shape[d]}.");
                elements = shape[d] == 0 ? 0 : elements > ModelLimits.MaxStreamBytes / shape[d] ? long.MaxValue : elements * shape[d];
            }
            var left = bytes.Length - reader.BaseStream.Position;
            if (elements == long.MaxValue || elements * elementSize > left)
                throw new InvalidDataException($"tensor '{name}' of shape [{string.Join(", ", shape)}] needs more bytes than the {left} left (truncated or damaged).");
            var data = bytes.AsSpan((int)reader.BaseStream.Position, (int)(elements * elementSize));
            CheckFinite(name, type, data);
            reader.BaseStream.Position += data.Length;
            tensors.Add(new Tensor(name, (int)type, shape, (int)reader.BaseStream.Position - data.Length, data.Length));
            total += elements;
        }
        if (reader.BaseStream.Position != bytes.Length)
            throw new InvalidDataException($"{bytes.Length - reader.BaseStream.Position} bytes follow the last tensor.");
        return new SavedStateDict(tensors, total);
    }

    private static void CheckFinite(string name, long type, ReadOnlySpan<byte> data)
    {
        switch (type)
        {
            case 6: // Float32
                var singles = MemoryMarshal.Cast<byte, float>(data);
                for (var i = 0; i < singles.Length; i++)
                    if (!(Math.Abs(singles[i]) <= ModelLimits.MaxWeightMagnitude)) throw NotFinite(name, i, singles[i]);
                break;
            case 7: // Float64
                var doubles = MemoryMarshal.Cast<byte, double>(data);
                for (var i = 0; i < doubles.Length; i++)
                    if (!(Math.Abs(doubles[i]) <= ModelLimits.MaxWeightMagnitude)) throw NotFinite(name, i, doubles[i]);
                break;
        }
    }

    private static InvalidDataException NotFinite(string name, int index, double value) =>
        new($"weight {index} of tensor '{name}' is {value.ToString(CultureInfo.InvariantCulture)}; saved weights must be finite and at most {ModelLimits.MaxWeightMagnitude:g} in magnitude.");

    // TorchSharp's ScalarType codes and their sizes in bytes.
    private static int? ElementSize(long type) => type switch
    {
        0 or 1 or 11 => 1,   // Byte, Int8, Bool
        2 or 5 or 15 => 2,   // Int16, Float16, BFloat16
        3 or 6 => 4,         // Int32, Float32
        4 or 7 => 8,         // Int64, Float64
        _ => null,
    };

    private static long ReadLeb128(BinaryReader reader)
    {
        long result = 0;
        for (var shift = 0; shift < 63; shift += 7)
        {
            long b = reader.ReadByte();
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new InvalidDataException("a size is malformed.");
    }
}
