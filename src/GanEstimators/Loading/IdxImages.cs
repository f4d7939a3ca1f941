using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Loading;

/// <summary>
/// Loads images in the original MNIST / Fashion-MNIST IDX format (<c>*-images-idx3-ubyte</c> and
/// <c>*-labels-idx1-ubyte</c>, gzipped or not) as an <see cref="IDataView"/> ready for an image GAN.
/// </summary>
public static class IdxImages
{
    /// <summary>The pixel column: a Single vector of 1 × rows × cols grey levels 0..255, row by row.</summary>
    public const string FeaturesColumnName = "Features";

    /// <summary>The class column: the label's digit or class index as text ("0".."9"), usable as a GAN condition.</summary>
    public const string LabelColumnName = "Label";

    /// <summary>
    /// Reads <paramref name="imagesPath"/> (IDX magic 2051) and, when given, <paramref name="labelsPath"/> (magic 2049).
    /// The <c>Features</c> column's vector type has dimensions (1, rows, cols), the channel-first layout of ML.NET's
    /// pixel extractor; the <c>Label</c> column is text so that it works as a condition column and with
    /// <c>MapValueToKey</c>. Gzip is detected from the files' first bytes, so <c>.gz</c> files need no unpacking.
    /// </summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="imagesPath">The IDX image file.</param>
    /// <param name="labelsPath">The matching IDX label file, or null for images only.</param>
    /// <param name="maxRows">Read only the first rows (both files are still checked to agree on their counts).</param>
    /// <exception cref="InvalidDataException">A file has the wrong magic number, is truncated, or the two files hold different numbers of items.</exception>
    public static IDataView Load(MLContext ml, string imagesPath, string? labelsPath = null, int? maxRows = null)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(imagesPath);
        if (maxRows is <= 0) throw new ArgumentOutOfRangeException(nameof(maxRows), maxRows, "maxRows must be positive when given.");

        var images = IdxFile.Read(imagesPath, IdxFile.ImagesMagic, "images", maxRows);
        var labels = labelsPath is null ? null : IdxFile.Read(labelsPath, IdxFile.LabelsMagic, "labels", maxRows);
        if (labels is not null && labels.Count != images.Count)
            throw new InvalidDataException($"'{labelsPath}' holds {labels.Count} labels but '{imagesPath}' holds {images.Count} images; the files must come from the same set.");

        var (height, width) = (images.Dimensions[1], images.Dimensions[2]);
        if (height == 0 || width == 0)
            throw new InvalidDataException($"'{imagesPath}' declares images of {height}×{width} pixels; both sizes must be positive.");
        var schema = SchemaDefinition.Create(typeof(ImageRow));
        schema[nameof(ImageRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 1, height, width);
        if (labels is null) schema.Remove(schema[nameof(ImageRow.Label)]);
        return ml.Data.LoadFromEnumerable(Rows(images, labels), schema);
    }

    // Rows are made on demand from the bytes: 60,000 MNIST images stay 47 MB instead of 188 MB of floats.
    private static IEnumerable<ImageRow> Rows(IdxFile images, IdxFile? labels)
    {
        var pixels = images.Dimensions[1] * images.Dimensions[2];
        var rows = images.Data.Length / pixels;
        for (var i = 0; i < rows; i++)
        {
            var features = new float[pixels];
            var source = images.Data.AsSpan(i * pixels, pixels);
            for (var p = 0; p < pixels; p++) features[p] = source[p];
            yield return new ImageRow
            {
                Features = features,
                Label = labels is null ? "" : labels.Data[i].ToString(CultureInfo.InvariantCulture),
            };
        }
    }

    private sealed class ImageRow
    {
        public float[] Features { get; set; } = Array.Empty<float>();

        public string Label { get; set; } = "";
    }
}
