using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>
/// Turns one training column into a span of the network's vector and back. A column occupies
/// <see cref="RawWidth"/> floats in the raw table read from the data view and <see cref="EncodedWidth"/>
/// floats in the encoded vector the networks see.
/// </summary>
internal abstract class ColumnEncoder
{
    protected ColumnEncoder(string name, DataViewType type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public DataViewType Type { get; }

    public abstract int RawWidth { get; }

    public abstract int EncodedWidth { get; }

    /// <summary>A stable identifier written into saved models so the right encoder is rebuilt on load.</summary>
    public abstract string Kind { get; }

    /// <summary>Learns the encoding from the raw values of this column (rows × <see cref="RawWidth"/>, row-major).</summary>
    public abstract void Fit(ReadOnlySpan<float> rawColumn, int rows);

    public abstract void Encode(ReadOnlySpan<float> raw, Span<float> encoded);

    public abstract void Decode(ReadOnlySpan<float> encoded, Span<float> raw);

    public abstract void Save(BinaryWriter writer);
}
