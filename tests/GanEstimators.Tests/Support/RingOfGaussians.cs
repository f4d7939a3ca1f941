using Microsoft.ML;

namespace GanEstimators.Tests.Support;

public sealed class RingPoint
{
    public float X { get; set; }
    public float Y { get; set; }
    public string Mode { get; set; } = "";
}

/// <summary>The standard 2-D benchmark: Gaussians placed evenly on a circle.</summary>
public static class RingOfGaussians
{
    public const int Modes = 8;
    public const double Radius = 2.0;

    public static (double X, double Y) Centre(int mode) =>
        (Radius * Math.Cos(2 * Math.PI * mode / Modes), Radius * Math.Sin(2 * Math.PI * mode / Modes));

    public static RingPoint[] Points(int count, double sigma, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var mode = i % Modes;
            var (cx, cy) = Centre(mode);
            return new RingPoint
            {
                X = (float)(cx + sigma * Gaussian(random)),
                Y = (float)(cy + sigma * Gaussian(random)),
                Mode = $"m{mode}",
            };
        }).ToArray();
    }

    public static IDataView Load(MLContext ml, int count = 2000, double sigma = 0.05, int seed = 0) =>
        ml.Data.LoadFromEnumerable(Points(count, sigma, seed));

    public static int NearestMode(double x, double y) =>
        Enumerable.Range(0, Modes).MinBy(m =>
        {
            var (cx, cy) = Centre(m);
            return (x - cx) * (x - cx) + (y - cy) * (y - cy);
        });

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
