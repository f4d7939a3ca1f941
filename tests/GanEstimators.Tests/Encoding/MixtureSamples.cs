namespace GanEstimators.Tests.Encoding;

/// <summary>Seeded draws from one-dimensional Gaussian mixtures.</summary>
internal static class MixtureSamples
{
    public static double[] Draw(int count, int seed, double[] means, double[] standardDeviations, double[] weights)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var u = random.NextDouble();
            var component = 0;
            while (component < weights.Length - 1 && u >= weights[component]) u -= weights[component++];
            values[i] = means[component] + standardDeviations[component] * StandardNormal(random);
        }
        return values;
    }

    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
