namespace GanEstimators.Tests.Support;

/// <summary>Székely's energy distance between two point sets: 2E|X−Y| − E|X−X'| − E|Y−Y'| (zero iff the distributions match).</summary>
public static class EnergyDistance
{
    public static double Between(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b) =>
        2 * MeanDistance(a, b, same: false) - MeanDistance(a, a, same: true) - MeanDistance(b, b, same: true);

    private static double MeanDistance(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b, bool same)
    {
        double sum = 0;
        long pairs = 0;
        for (var i = 0; i < a.Count; i++)
            for (var j = same ? i + 1 : 0; j < b.Count; j++)
            {
                double d = 0;
                for (var k = 0; k < a[i].Length; k++) d += (a[i][k] - b[j][k]) * (a[i][k] - b[j][k]);
                sum += Math.Sqrt(d);
                pairs++;
            }
        return sum / pairs;
    }
}
