using GanEstimators.Evaluation;
using Microsoft.ML;

namespace ModeCollapseLab;

public sealed class Point
{
    public float X { get; set; }
    public float Y { get; set; }
}

/// <summary>A 2-D Gaussian mixture with equal weights and a common σ: the ring (8 modes) or the grid (25 modes).</summary>
public sealed record Mixture(string Name, IReadOnlyList<double[]> Modes, double Sigma, int PacSize)
{
    public static readonly Mixture Ring = new("ring", ModeCoverage.Ring(), 0.02, PacSize: 2);
    public static readonly Mixture Grid = new("grid", ModeCoverage.Grid(), 0.05, PacSize: 4);

    public IDataView Sample(MLContext ml, int rows, int seed)
    {
        var random = new Random(seed);
        return ml.Data.LoadFromEnumerable(Enumerable.Range(0, rows).Select(i =>
        {
            var mode = Modes[i % Modes.Count];
            return new Point { X = (float)(mode[0] + Sigma * Gaussian(random)), Y = (float)(mode[1] + Sigma * Gaussian(random)) };
        }).ToArray());
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
