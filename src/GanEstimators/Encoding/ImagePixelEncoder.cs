using GanEstimators.Networks;
using GanEstimators.Serialization;
using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>
/// The pixel vector of an image GAN: every pixel is mapped linearly from the range seen in training (one minimum and
/// maximum for all pixels, e.g. 0..255, 0..1 or 0..16) to [−1, 1], the range of the generator's tanh output, and
/// decoded back clamped to that range. One scale for all pixels keeps an image's contrast as it is, where per-slot
/// standardisation would blow up the noise of border pixels that are almost always blank.
/// </summary>
internal sealed class ImagePixelEncoder : NumericColumnEncoder
{
    public const string KindName = "image-pixels";

    private readonly int _width;
    private float _minimum;
    private float _maximum = 1;

    public ImagePixelEncoder(string name, DataViewType type) : base(name, type)
    {
        if (type is not VectorDataViewType { IsKnownSize: true } vector || vector.ItemType != NumberDataViewType.Single)
            throw new ArgumentException($"Column '{name}' has type {type}; image pixels must be a known-size vector of Single.", nameof(type));
        _width = vector.Size;
    }

    public override string Kind => KindName;

    public override int RawWidth => _width;

    public override int EncodedWidth => _width;

    public override IReadOnlyList<OutputSpan> Spans => new[] { new OutputSpan(0, _width, SpanActivation.Tanh) };

    public override bool AllowsMissing => false;

    public override void Fit(ReadOnlySpan<float> rawColumn, int rows, int seed)
    {
        if (rawColumn.IsEmpty) return;
        (_minimum, _maximum) = (Min(rawColumn), Max(rawColumn));
    }

    public override void Encode(ReadOnlySpan<float> raw, Span<float> encoded, Random random)
    {
        var range = Range;
        for (var i = 0; i < _width; i++) encoded[i] = 2 * (raw[i] - _minimum) / range - 1;
    }

    public override void Decode(ReadOnlySpan<float> encoded, Span<float> raw, Random random)
    {
        var range = Range;
        for (var i = 0; i < _width; i++) raw[i] = Math.Clamp((encoded[i] + 1) / 2 * range + _minimum, _minimum, _maximum);
    }

    // A constant image (every pixel equal) encodes to −1 and decodes back to that value.
    private float Range => _maximum > _minimum ? _maximum - _minimum : 1;

    public override void Save(BinaryWriter writer)
    {
        writer.Write(_width);
        writer.Write(_minimum);
        writer.Write(_maximum);
    }

    public static ImagePixelEncoder Load(BinaryReader reader, string name, DataViewType type)
    {
        var encoder = new ImagePixelEncoder(name, type);
        var width = reader.ReadInt32();
        if (width != encoder.RawWidth)
            throw new InvalidDataException($"Saved pixel scaling of column '{name}' has {width} pixels; its type has {encoder.RawWidth}.");
        encoder._minimum = reader.ReadFiniteSingle("pixel minimum");
        encoder._maximum = reader.ReadFiniteSingle("pixel maximum");
        if (encoder._minimum > encoder._maximum) throw new InvalidDataException($"The saved pixel minimum {encoder._minimum} exceeds the maximum {encoder._maximum}.");
        return encoder;
    }

    private static float Min(ReadOnlySpan<float> values)
    {
        var min = float.PositiveInfinity;
        foreach (var v in values) min = Math.Min(min, v);
        return min;
    }

    private static float Max(ReadOnlySpan<float> values)
    {
        var max = float.NegativeInfinity;
        foreach (var v in values) max = Math.Max(max, v);
        return max;
    }
}
