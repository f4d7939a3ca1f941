using Microsoft.ML;
using Microsoft.ML.Data;

namespace FashionGan;

/// <summary>Generated images as bytes 0..255 (the sampler's pixels are clamped to the training range and rounded here).</summary>
internal static class GeneratedImages
{
    public static IReadOnlyList<byte[]> Read(IDataView images, string column) =>
        images.GetColumn<VBuffer<float>>(images.Schema[column])
            .Select(v => v.DenseValues().Select(p => (byte)Math.Clamp(Math.Round(p), 0, 255)).ToArray())
            .ToArray();
}
