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

    public static DataViewType Read(BinaryReader reader)
    {
        var code = reader.ReadInt32();
        switch (code)
        {
            case KeyCode:
                return new KeyDataViewType(typeof(uint), reader.ReadUInt64());
            case VectorCode:
                var item = (PrimitiveDataViewType)Read(reader);
                var dimensions = new int[reader.ReadInt32()];
                for (var i = 0; i < dimensions.Length; i++) dimensions[i] = reader.ReadInt32();
                return new VectorDataViewType(item, dimensions);
            default:
                if (code < 0 || code >= Primitives.Length) throw new InvalidDataException($"Unknown column type code {code} in the saved GAN model.");
                return Primitives[code];
        }
    }
}
