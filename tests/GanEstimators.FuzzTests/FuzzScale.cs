using System.Globalization;

namespace GanEstimators.FuzzTests;

/// <summary>How many cases to run: the count given, times GANEST_FUZZ_SCALE when set (a longer local run).</summary>
internal static class FuzzScale
{
    public static int Cases(int count) =>
        int.TryParse(Environment.GetEnvironmentVariable("GANEST_FUZZ_SCALE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var scale) && scale > 0
            ? count * scale
            : count;

    /// <summary>The seed of the whole run: GANEST_FUZZ_SEED when set (to repeat a failure), else a fixed one.</summary>
    public static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("GANEST_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : 17;
}
