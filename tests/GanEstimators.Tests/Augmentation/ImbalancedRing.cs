using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Augmentation;

/// <summary>Three ring modes with 150, 90 and 40 rows, and a conditional GAN trained briefly on them (quality is not the point here).</summary>
public static class ImbalancedRing
{
    public static readonly IReadOnlyDictionary<string, int> Sizes = new Dictionary<string, int> { ["m0"] = 150, ["m1"] = 90, ["m2"] = 40 };

    public static int RealRowCount => Sizes.Values.Sum();

    private static GanSampler? _sampler;

    public static GanSampler Sampler => _sampler ??= new MLContext(1).Gan()
        .Trainer(RingTraining.Options(GanLoss.LeastSquares, epochs: 3, condition: nameof(RingPoint.Mode)))
        .Fit(Load(new MLContext(1)));

    public static RingPoint[] Points() =>
        RingOfGaussians.Points(8 * 150, 0.05, seed: 3)
            .Where(p => Sizes.ContainsKey(p.Mode))
            .GroupBy(p => p.Mode)
            .SelectMany(g => g.Take(Sizes[g.Key]))
            .ToArray();

    public static IDataView Load(MLContext ml) => ml.Data.LoadFromEnumerable(Points());

    /// <summary>Every row's X, Y and Mode, in order.</summary>
    public static (float X, float Y, string Mode)[] Read(IDataView data) =>
        new MLContext(0).Data.CreateEnumerable<RingPoint>(data, reuseRowObject: false).Select(p => (p.X, p.Y, p.Mode)).ToArray();
}
