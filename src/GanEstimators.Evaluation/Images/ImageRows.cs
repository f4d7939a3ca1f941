using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Evaluation.Images;

/// <summary>Images read from a data view: <see cref="Count"/> flat rows of <see cref="ImageSize"/> pixels, and their labels when read.</summary>
internal sealed record ImageRows(float[] Pixels, int Count, int ImageSize, string?[]? Labels)
{
    /// <summary>Reads the Single vector column <paramref name="featureColumn"/> (and the class column <paramref name="labelColumn"/> when given).</summary>
    /// <param name="data">The data view.</param>
    /// <param name="featureColumn">The image column.</param>
    /// <param name="labelColumn">The class column, or null to read images only.</param>
    /// <param name="role">What the data is, for messages ("training images").</param>
    /// <param name="parameterName">The argument that holds the data.</param>
    /// <param name="expectedSize">The pixels per image a trained classifier takes, or null to accept any known size.</param>
    public static ImageRows Read(IDataView data, string featureColumn, string? labelColumn, string role, string parameterName, int? expectedSize = null)
    {
        ArgumentNullException.ThrowIfNull(data, parameterName);
        var column = FeatureColumn(data, featureColumn, role, parameterName);
        var size = ((VectorDataViewType)column.Type).Size;
        if (expectedSize is { } expected && size != expected)
            throw new ArgumentException(
                $"Image column '{featureColumn}' of the {role} holds {size} values per row; the classifier takes images of {expected} pixels.", parameterName);

        var labels = labelColumn is null ? null : TableReader.ReadLabels(data, labelColumn, role, parameterName);
        var rows = new List<float[]>();
        var buffer = default(VBuffer<float>);
        using (var cursor = data.GetRowCursor(new[] { column }))
        {
            var get = cursor.GetGetter<VBuffer<float>>(column);
            while (cursor.MoveNext())
            {
                get(ref buffer);
                var row = new float[size];
                buffer.CopyTo(row);
                if (!Array.TrueForAll(row, float.IsFinite))
                    throw new ArgumentException($"Image column '{featureColumn}' of the {role} has a NaN or infinite pixel in row {rows.Count}.", parameterName);
                rows.Add(row);
            }
        }
        if (rows.Count == 0) throw new ArgumentException($"The {role} have no rows.", parameterName);
        var pixels = new float[(long)rows.Count * size];
        for (var r = 0; r < rows.Count; r++) rows[r].CopyTo(pixels, (long)r * size);
        return new ImageRows(pixels, rows.Count, size, labels);
    }

    /// <summary>The rows of <paramref name="parts"/> one after another (all of one image size, all with labels or none).</summary>
    public static ImageRows Concatenate(IReadOnlyList<ImageRows> parts)
    {
        var pixels = new float[parts.Sum(p => (long)p.Pixels.Length)];
        long offset = 0;
        foreach (var part in parts)
        {
            part.Pixels.CopyTo(pixels, offset);
            offset += part.Pixels.Length;
        }
        var labels = parts.All(p => p.Labels is not null) ? parts.SelectMany(p => p.Labels!).ToArray() : null;
        return new ImageRows(pixels, parts.Sum(p => p.Count), parts[0].ImageSize, labels);
    }

    /// <summary>The channels, height and width the column's vector type declares (a single dimension must be a square).</summary>
    public static (int Channels, int Height, int Width) Shape(IDataView data, string featureColumn, string role, string parameterName)
    {
        var type = (VectorDataViewType)FeatureColumn(data, featureColumn, role, parameterName).Type;
        var dimensions = type.Dimensions;
        var side = (int)Math.Round(Math.Sqrt(type.Size));
        return dimensions.Length switch
        {
            3 => (dimensions[0], dimensions[1], dimensions[2]),
            2 => (1, dimensions[0], dimensions[1]),
            1 when side * side == type.Size => (1, side, side),
            _ => throw new ArgumentException(
                $"Image column '{featureColumn}' of the {role} has dimensions ({string.Join(", ", dimensions.ToArray())}); give it the shape (channels, height, width), " +
                "(height, width), or a square number of values.", parameterName),
        };
    }

    private static DataViewSchema.Column FeatureColumn(IDataView data, string name, string role, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name);
        var column = data.Schema.GetColumnOrNull(name)
            ?? throw new ArgumentException($"Image column '{name}' is not in the {role}.", parameterName);
        if (column.Type is not VectorDataViewType { ItemType: NumberDataViewType, IsKnownSize: true } vector || vector.ItemType.RawType != typeof(float))
            throw new ArgumentException(
                $"Image column '{name}' of the {role} is {column.Type}; images must be a known-size vector of Single (pixels, channel-first).", parameterName);
        return column;
    }
}
