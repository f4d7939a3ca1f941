using GanEstimators.Serialization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>Writes the column types a GAN model can hold (numbers, bool, text, dates, UInt32 keys, Single vectors) into a saved model.</summary>
internal static class DataViewTypeCodec
{
    private static readonly PrimitiveDataViewType[] Primitives =
    {
        NumberDataViewType.Single, NumberDataViewType.Double,
        NumberDataViewType.SByte, NumberDataViewType.Byte, NumberDataViewType.Int16, NumberDataViewType.UInt16,
        NumberDataViewType.Int32, NumberDataViewType.UInt32, NumberDataViewType.Int64, NumberDataViewType.UInt64,
        BooleanDataViewType.Instance, TextDataViewType.Instance, DateTimeDataViewType.Instance,
    };

    private const int KeyCode = 100;
    private const int VectorCode = 101;

    public static void Write(BinaryWriter writer, DataViewType type)
    {
        switch (type)
        {
            case KeyDataViewType key:
                writer.Write(KeyCode);
                writer.Write(key.Count);
                return;
            case VectorDataViewType vector:
                writer.Write(VectorCode);
                Write(writer, vector.ItemType);
                writer.Write(vector.Dimensions.Length);
                foreach (var d in vector.Dimensions) writer.Write(d);
                return;
        }
        var code = Array.IndexOf(Primitives, type);
        if (code < 0) throw new NotSupportedException($"Column type {type} cannot be stored in a GAN model.");
        writer.Write(code);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; key counts and vector sizes are bounded (<see cref="ModelLimits"/>).</summary>
    public static DataViewType Read(BinaryReader reader)
    {
        var code = reader.ReadInt32();
        switch (code)
        {
            case KeyCode:
                var count = reader.ReadUInt64();
                if (count is 0 or > uint.MaxValue) throw new InvalidDataException($"A saved key type has {count} keys; expected 1 to {uint.MaxValue}.");
                return new KeyDataViewType(typeof(uint), count);
            case VectorCode:
                if (Read(reader) is not PrimitiveDataViewType item || item is KeyDataViewType)
                    throw new InvalidDataException("A saved vector type has an item type that is not a primitive number, bool, text or date.");
                var dimensions = new int[reader.ReadCount("number of vector dimensions", ModelLimits.MaxVectorDimensions, bytesPerItem: 4)];
                long size = 1;
                for (var i = 0; i < dimensions.Length; i++)
                {
                    dimensions[i] = reader.ReadInt32InRange("vector dimension", 0, ModelLimits.MaxVectorSize);
                    size = Math.Min(size * dimensions[i], long.MaxValue / (ModelLimits.MaxVectorSize + 1L));
                }
                if (size > ModelLimits.MaxVectorSize) throw new InvalidDataException($"A saved vector type has {size} slots; at most {ModelLimits.MaxVectorSize} are allowed.");
                return new VectorDataViewType(item, dimensions);
            default:
                if (code < 0 || code >= Primitives.Length) throw new InvalidDataException($"Unknown column type code {code} in the saved GAN model.");
                return Primitives[code];
        }
    }
}
