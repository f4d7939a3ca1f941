using GanEstimators.Encoding;

namespace GanEstimators.Conditioning;

/// <summary>
/// CTGAN's conditional vector over the categorical feature columns: one-hot over every categorical column's slots,
/// with one column's slot set per row (<see cref="TrainingBySampling"/> in training, <see cref="SamplingDraws"/> when
/// sampling without a request, <see cref="ConditionRequests"/> for a requested value). Holds each column's place in the
/// encoded row and in the vector, and the real slot frequencies (overall and within each class of the condition
/// column), which is what a saved model keeps (<see cref="ConditionalVectorFormat"/>).
/// The condition column takes part in the draws as one more column that sets nothing in the vector (the label has its
/// own one-hot), when classes are balanced (<c>BalanceConditionClasses</c>); it is always last.
/// </summary>
internal sealed class ConditionalVector
{
    /// <param name="EncodedOffset">Where the column's span starts in the encoded row (-1 for the condition column).</param>
    /// <param name="VectorOffset">Where its slots start in the conditional vector.</param>
    /// <param name="Width">Its slots; 0 marks the condition column.</param>
    /// <param name="Cumulative">Cumulative real frequencies of its slots (of the classes, for the condition column).</param>
    /// <param name="CumulativeByClass">Per class of the condition column, the slot frequencies within that class (null for a
    /// class without rows, or for the whole array when the GAN is unconditional or the model predates them).</param>
    public sealed record Column(int EncodedOffset, int VectorOffset, int Width, double[] Cumulative, double[]?[]? CumulativeByClass)
    {
        /// <summary>Whether vector position <paramref name="position"/> is one of this column's slots.</summary>
        public bool Holds(int position) => position >= VectorOffset && position < VectorOffset + Width;
    }

    public ConditionalVector(IReadOnlyList<Column> columns)
    {
        Columns = columns;
        Width = columns.Sum(c => c.Width);
    }

    /// <summary>The categorical columns in vector order, then the condition column when classes are balanced.</summary>
    public IReadOnlyList<Column> Columns { get; }

    /// <summary>Width of the conditional vector (0 when the table has no categorical column).</summary>
    public int Width { get; }

    /// <summary>Encoded offset and width of each categorical column's span, in conditional-vector order (column index = position).</summary>
    public IEnumerable<(int EncodedOffset, int Width)> Spans => Columns.Where(c => c.Width > 0).Select(c => (c.EncodedOffset, c.Width));

    /// <summary>Offset of <paramref name="encoderIndex"/>'s slots in the conditional vector, or -1 if it is not categorical.</summary>
    public static int OffsetOf(TableEncoder encoder, int encoderIndex)
    {
        if (encoder.Columns[encoderIndex] is not CategoricalEncoder) return -1;
        return encoder.Columns.Take(encoderIndex).OfType<CategoricalEncoder>().Sum(c => c.EncodedWidth);
    }

    /// <summary>
    /// Why this vector cannot belong to <paramref name="features"/> and a condition of <paramref name="classCount"/>
    /// classes (0 when unconditional), or null when it can: a loaded model must agree with itself before it samples.
    /// </summary>
    public string? Mismatch(TableEncoder features, int classCount)
    {
        var categorical = Enumerable.Range(0, features.Columns.Count).Where(c => features.Columns[c] is CategoricalEncoder).ToArray();
        var label = Columns.Count > 0 && Columns[^1].Width == 0 ? 1 : 0;
        if (Columns.Count - label != categorical.Length)
            return $"they cover {Columns.Count - label} categorical columns; the table has {categorical.Length}.";
        if (label == 1 && classCount == 0) return "they balance condition classes, but the model has no condition column.";
        var vectorOffset = 0;
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = Columns[i];
            if (i == categorical.Length)
            {
                if (column.Cumulative.Length != classCount) return $"the class frequencies cover {column.Cumulative.Length} classes; the condition has {classCount}.";
                continue;
            }
            var encoder = features.Columns[categorical[i]];
            if (column.EncodedOffset != features.EncodedOffsetOf(categorical[i]) || column.Width != encoder.EncodedWidth
                || column.VectorOffset != vectorOffset || column.Cumulative.Length != column.Width)
                return $"those of column '{encoder.Name}' (offset {column.EncodedOffset}, {column.Width} slots, {column.Cumulative.Length} frequencies) do not match its encoder (offset {features.EncodedOffsetOf(categorical[i])}, {encoder.EncodedWidth} slots).";
            if (column.CumulativeByClass is { } byClass
                && (byClass.Length != classCount || byClass.Any(c => c is not null && c.Length != column.Width)))
                return $"the frequencies of column '{encoder.Name}' within classes do not match its {column.Width} slots and the {classCount} classes.";
            vectorOffset += column.Width;
        }
        return null;
    }
}
