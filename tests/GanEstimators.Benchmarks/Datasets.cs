using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Benchmarks;

/// <summary>
/// One fixed training set in both forms: an <see cref="IDataView"/> for GanTrainer, and the encoded rows the trainer
/// trains on (each column standardised to mean 0, variance 1, as its StandardScalingEncoder does) plus class indices
/// for the hand-written loop.
/// </summary>
public sealed class Dataset
{
    public required string Name { get; init; }
    public required IDataView View { get; init; }
    public required string[] FeatureColumns { get; init; }
    public string? ConditionColumn { get; init; }
    public required float[] Encoded { get; init; }
    public required int Rows { get; init; }
    public required int Width { get; init; }
    public int[]? ClassIndices { get; init; }
    public int Classes { get; init; }

    /// <summary>The 2-D ring of 8 Gaussians (radius 2, σ 0.05), unconditional.</summary>
    public static Dataset Ring(MLContext ml, int rows, int seed = 0)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, rows).Select(i =>
        {
            var angle = 2 * Math.PI * (i % 8) / 8;
            return new RingRow
            {
                X = (float)(2 * Math.Cos(angle) + 0.05 * Gaussian(random)),
                Y = (float)(2 * Math.Sin(angle) + 0.05 * Gaussian(random)),
            };
        }).ToArray();
        var raw = points.SelectMany(p => new[] { p.X, p.Y }).ToArray();
        return new Dataset
        {
            Name = $"ring {rows}x2",
            View = ml.Data.LoadFromEnumerable(points),
            FeatureColumns = new[] { nameof(RingRow.X), nameof(RingRow.Y) },
            Encoded = Standardise(raw, rows, 2),
            Rows = rows,
            Width = 2,
        };
    }

    /// <summary>A wider table: one 32-float vector column, conditioned on a 5-class text column.</summary>
    public static Dataset Wide(MLContext ml, int rows, int classes = 5, int seed = 0)
    {
        const int width = WideRow.Width;
        var random = new Random(seed);
        var centres = Enumerable.Range(0, classes).Select(_ => Enumerable.Range(0, width).Select(_ => 3 * Gaussian(random)).ToArray()).ToArray();
        var table = Enumerable.Range(0, rows).Select(i =>
        {
            var c = i % classes;
            return new WideRow
            {
                Features = Enumerable.Range(0, width).Select(j => (float)(centres[c][j] + Gaussian(random))).ToArray(),
                Class = $"c{c}",
            };
        }).ToArray();
        return new Dataset
        {
            Name = $"wide {rows}x{width}, {classes} classes",
            View = ml.Data.LoadFromEnumerable(table),
            FeatureColumns = new[] { nameof(WideRow.Features) },
            ConditionColumn = nameof(WideRow.Class),
            Encoded = Standardise(table.SelectMany(r => r.Features).ToArray(), rows, width),
            Rows = rows,
            Width = width,
            ClassIndices = Enumerable.Range(0, rows).Select(i => i % classes).ToArray(),
            Classes = classes,
        };
    }

    private static float[] Standardise(float[] raw, int rows, int width)
    {
        var encoded = new float[raw.Length];
        for (var j = 0; j < width; j++)
        {
            double sum = 0, squares = 0;
            for (var r = 0; r < rows; r++) { double v = raw[r * width + j]; sum += v; squares += v * v; }
            var mean = sum / rows;
            var std = Math.Sqrt(Math.Max(squares / rows - mean * mean, 1e-12));
            for (var r = 0; r < rows; r++) encoded[r * width + j] = (float)((raw[r * width + j] - mean) / std);
        }
        return encoded;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public sealed class RingRow
    {
        public float X { get; set; }
        public float Y { get; set; }
    }

    public sealed class WideRow
    {
        public const int Width = 32;

        [VectorType(Width)]
        public float[] Features { get; set; } = Array.Empty<float>();

        public string Class { get; set; } = "";
    }
}
