using GanEstimators.Networks;
using GanEstimators.Serialization;
using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>
/// Numeric scalars and fixed-size Single vectors: each slot is standardised to zero mean and unit variance so a
/// linear generator head can reach every value without the saturation a tanh head has at the data's extremes.
/// </summary>
internal sealed class StandardScalingEncoder : NumericColumnEncoder
{
    public const string KindName = "standard-scaling";

    private float[] _mean;
    private float[] _scale;

    public StandardScalingEncoder(string name, DataViewType type) : base(name, type)
    {
        var width = NumericConversion.WidthOf(type);
        _mean = new float[width];
        _scale = Enumerable.Repeat(1f, width).ToArray();
    }

    public override string Kind => KindName;

    public override int RawWidth => _mean.Length;

    public override int EncodedWidth => _mean.Length;

    public override IReadOnlyList<OutputSpan> Spans => new[] { new OutputSpan(0, _mean.Length, SpanActivation.Identity) };

    public override bool AllowsMissing => false;

    public override void Fit(ReadOnlySpan<float> rawColumn, int rows, int seed)
    {
        var width = RawWidth;
        for (var slot = 0; slot < width; slot++)
        {
            double sum = 0, sumOfSquares = 0;
            for (var r = 0; r < rows; r++)
            {
                double v = rawColumn[r * width + slot];
                sum += v;
                sumOfSquares += v * v;
            }
            var mean = sum / rows;
            var variance = Math.Max(0, sumOfSquares / rows - mean * mean);
            var std = Math.Sqrt(variance);
            _mean[slot] = (float)mean;
            _scale[slot] = std > 1e-8 * Math.Max(1, Math.Abs(mean)) ? (float)std : 1f;
        }
    }

    public override void Encode(ReadOnlySpan<float> raw, Span<float> encoded, Random random)
    {
        for (var i = 0; i < _mean.Length; i++) encoded[i] = (raw[i] - _mean[i]) / _scale[i];
    }

    public override void Decode(ReadOnlySpan<float> encoded, Span<float> raw, Random random)
    {
        for (var i = 0; i < _mean.Length; i++) raw[i] = encoded[i] * _scale[i] + _mean[i];
    }

    public override void Save(BinaryWriter writer)
    {
        writer.Write(_mean.Length);
        foreach (var v in _mean) writer.Write(v);
        foreach (var v in _scale) writer.Write(v);
    }

    public static StandardScalingEncoder Load(BinaryReader reader, string name, DataViewType type)
    {
        var width = reader.ReadCount("number of scaled slots", ModelLimits.MaxVectorSize, bytesPerItem: 8);
        if (width != NumericConversion.WidthOf(type))
            throw new InvalidDataException($"Saved scaling of column '{name}' has {width} slots; its type has {NumericConversion.WidthOf(type)}.");
        var encoder = new StandardScalingEncoder(name, type);
        for (var i = 0; i < width; i++) encoder._mean[i] = reader.ReadFiniteSingle($"mean of slot {i}");
        for (var i = 0; i < width; i++)
            if (!((encoder._scale[i] = reader.ReadFiniteSingle($"scale of slot {i}")) > 0))
                throw new InvalidDataException($"The saved scale of slot {i} is {encoder._scale[i]}; it must be positive.");
        return encoder;
    }
}
