using GanEstimators.Networks;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>
/// Turns one training column into a span of the network's vector and back. A column occupies
/// <see cref="RawWidth"/> floats in the raw table read from the data view (NaN marks a missing value) and
/// <see cref="EncodedWidth"/> floats in the encoded vector the networks see. The encoder also owns how its column
/// is written to ML.NET rows, because that can depend on what it learned (a vocabulary, a date grid); how a column is
/// read and fitted depends on its kind (<see cref="NumericColumnEncoder"/>, <see cref="CategoricalEncoder"/>).
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

    /// <summary>The output activations of this column's encoded span, offsets relative to the column.</summary>
    public abstract IReadOnlyList<OutputSpan> Spans { get; }

    /// <summary>A stable identifier written into saved models so the right encoder is rebuilt on load.</summary>
    public abstract string Kind { get; }

    /// <summary>Whether NaN (missing) raw values can be encoded; columns that can't reject them when the table is read.</summary>
    public abstract bool AllowsMissing { get; }

    /// <summary>Encodes one row; <paramref name="random"/> serves encoders that sample (a mixture mode from its posterior).</summary>
    public abstract void Encode(ReadOnlySpan<float> raw, Span<float> encoded, Random random);

    public abstract void Decode(ReadOnlySpan<float> encoded, Span<float> raw, Random random);

    /// <summary>A value getter for the decoded row returned by <paramref name="currentRow"/>, at <paramref name="offset"/>.</summary>
    public abstract Delegate MakeGetter(Func<float[]> currentRow, int offset);

    /// <summary>Adds this column (decoded raw values, rows × stride) to an in-memory data view in its training type.</summary>
    public abstract void AddColumn(ArrayDataViewBuilder builder, float[] raw, int rows, int offset, int stride);

    public abstract void Save(BinaryWriter writer);
}
