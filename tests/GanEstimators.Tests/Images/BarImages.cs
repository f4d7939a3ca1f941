using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Images;

/// <summary>A two-class image set that a small CNN separates at once: one bright vertical or horizontal bar on faint noise.</summary>
internal static class BarImages
{
    public const int Side = 8;
    public const string Vertical = "vertical";
    public const string Horizontal = "horizontal";

    /// <summary><paramref name="perClass"/> images of each class, alternating, as Features (1×8×8 Single) and Label (text), with pixels in 0..<paramref name="scale"/>.</summary>
    public static IDataView Load(MLContext ml, int perClass, int seed, float scale = 1f) =>
        Load(ml, Rows(perClass, seed, scale));

    public static IDataView Load(MLContext ml, IEnumerable<BarRow> rows)
    {
        var schema = SchemaDefinition.Create(typeof(BarRow));
        schema[nameof(BarRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 1, Side, Side);
        return ml.Data.LoadFromEnumerable(rows.ToArray(), schema);
    }

    public static IEnumerable<BarRow> Rows(int perClass, int seed, float scale = 1f)
    {
        var random = new Random(seed);
        for (var i = 0; i < 2 * perClass; i++)
        {
            var vertical = i % 2 == 0;
            var line = random.Next(1, Side - 1);
            var pixels = new float[Side * Side];
            for (var row = 0; row < Side; row++)
                for (var column = 0; column < Side; column++)
                {
                    var onBar = vertical ? column == line : row == line;
                    pixels[row * Side + column] = scale * (onBar ? 0.8f + 0.2f * random.NextSingle() : 0.2f * random.NextSingle());
                }
            yield return new BarRow { Features = pixels, Label = vertical ? Vertical : Horizontal };
        }
    }

    public sealed class BarRow
    {
        public float[] Features { get; set; } = Array.Empty<float>();

        public string Label { get; set; } = "";
    }
}
