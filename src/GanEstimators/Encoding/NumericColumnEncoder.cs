using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>Encoders of columns whose values are numbers (or dates, as days): reading and writing go through a <see cref="NumericConversion"/>.</summary>
internal abstract class NumericColumnEncoder : ColumnEncoder
{
    protected NumericColumnEncoder(string name, DataViewType type) : base(name, type)
    {
        Conversion = NumericConversion.For(type)
            ?? throw new ArgumentException($"Column '{name}' has type {type}, which is not numeric.", nameof(type));
    }

    protected NumericConversion Conversion { get; }

    /// <summary>Learns the encoding from the raw values of this column (rows × <see cref="ColumnEncoder.RawWidth"/>, row-major).</summary>
    public abstract void Fit(ReadOnlySpan<float> rawColumn, int rows, int seed);

    /// <summary>
    /// As <see cref="Fit(ReadOnlySpan{float}, int, int)"/>, but the encoder may fit its costly parts to the rows in
    /// <paramref name="sampleRows"/> only (ascending row numbers; null for all rows). Encoders whose fit is cheap use every row.
    /// </summary>
    public virtual void Fit(ReadOnlySpan<float> rawColumn, int rows, int seed, int[]? sampleRows) => Fit(rawColumn, rows, seed);

    /// <summary>Copies the current row's value(s) of <paramref name="column"/> into the raw span.</summary>
    public NumericConversion.ValueReader MakeReader(DataViewRow row, DataViewSchema.Column column) => Conversion.MakeReader(row, column);

    public override Delegate MakeGetter(Func<float[]> currentRow, int offset) => Conversion.MakeGetter(currentRow, offset, RawWidth);

    public override void AddColumn(ArrayDataViewBuilder builder, float[] raw, int rows, int offset, int stride) =>
        Conversion.AddColumn(builder, Name, raw, rows, RawWidth, offset, stride);
}
