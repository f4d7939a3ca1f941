using Microsoft.ML;

namespace GanEstimators.Tests.Evaluation;

/// <summary>Small in-memory tables for the evaluation tests.</summary>
internal static class EvaluationTables
{
    public sealed class NumberRow
    {
        public float X { get; set; }
        public float Y { get; set; }
    }

    public sealed class CategoryRow
    {
        public string Color { get; set; } = "";
        public string Size { get; set; } = "";
    }

    public sealed class MixedRow
    {
        public float X { get; set; }
        public float Noise { get; set; }
        public string Label { get; set; } = "";
    }

    public static IDataView Numbers(MLContext ml, IEnumerable<(float X, float Y)> rows) =>
        ml.Data.LoadFromEnumerable(rows.Select(r => new NumberRow { X = r.X, Y = r.Y }).ToArray());

    public static IDataView Categories(MLContext ml, IEnumerable<(string Color, string Size)> rows) =>
        ml.Data.LoadFromEnumerable(rows.Select(r => new CategoryRow { Color = r.Color, Size = r.Size }).ToArray());

    /// <summary>X uniform on [0, 3), Label "low"/"mid"/"high" by the unit interval X falls in, Noise unrelated.</summary>
    public static MixedRow[] ThreeClasses(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var x = (float)(random.NextDouble() * 3);
            return new MixedRow { X = x, Noise = (float)random.NextDouble(), Label = x < 1 ? "low" : x < 2 ? "mid" : "high" };
        }).ToArray();
    }

    /// <summary>X standard normal shifted by <paramref name="mean"/>, Y = X + a little noise.</summary>
    public static IEnumerable<(float X, float Y)> CorrelatedNormals(int count, double mean, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var x = mean + Normal(random);
            yield return ((float)x, (float)(x + 0.5 * Normal(random)));
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
