namespace GanEstimators.Evaluation;

/// <summary>How well samples cover a known set of modes (the VEEGAN / PacGAN metrics for Gaussian mixtures).</summary>
/// <param name="HighQualityShare">Share of samples within 3σ of their nearest mode.</param>
/// <param name="ModesCaptured">Modes that are the nearest mode of at least one high-quality sample.</param>
/// <param name="ReverseKl">
/// KL(q ‖ u) = Σ q_k log(q_k · K) between q, the histogram of high-quality samples over the K modes, and the uniform
/// distribution u over modes (empty modes contribute 0; infinite when no sample is high quality).
/// </param>
public sealed record ModeCoverageReport(double HighQualityShare, int ModesCaptured, double ReverseKl);

/// <summary>Computes <see cref="ModeCoverageReport"/> for points against mode centres with a common standard deviation.</summary>
public static class ModeCoverage
{
    /// <summary>Evaluates <paramref name="samples"/> against <paramref name="modes"/> (all points of one dimension).</summary>
    public static ModeCoverageReport Evaluate(IReadOnlyList<double[]> samples, IReadOnlyList<double[]> modes, double sigma)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(modes);
        if (samples.Count == 0) throw new ArgumentException("At least one sample is needed.", nameof(samples));
        if (modes.Count == 0) throw new ArgumentException("At least one mode is needed.", nameof(modes));
        if (!(sigma > 0)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "The modes' standard deviation must be positive.");

        var perMode = new int[modes.Count];
        var highQuality = 0;
        foreach (var sample in samples)
        {
            var (mode, distance) = Nearest(sample, modes);
            if (distance > 3 * sigma) continue;
            highQuality++;
            perMode[mode]++;
        }
        var reverseKl = highQuality == 0
            ? double.PositiveInfinity
            : perMode.Where(c => c > 0).Select(c => (double)c / highQuality).Sum(q => q * Math.Log(q * modes.Count));
        return new ModeCoverageReport((double)highQuality / samples.Count, perMode.Count(c => c > 0), reverseKl);
    }

    /// <summary>The 8 modes of the ring benchmark: radius 2, evenly spaced (use σ = 0.02).</summary>
    public static IReadOnlyList<double[]> Ring(int modes = 8, double radius = 2.0) =>
        Enumerable.Range(0, modes).Select(k => new[] { radius * Math.Cos(2 * Math.PI * k / modes), radius * Math.Sin(2 * Math.PI * k / modes) }).ToArray();

    /// <summary>The 25 modes of the grid benchmark: {−4, −2, 0, 2, 4}² (use σ = 0.05).</summary>
    public static IReadOnlyList<double[]> Grid() =>
        (from x in new[] { -4.0, -2, 0, 2, 4 } from y in new[] { -4.0, -2, 0, 2, 4 } select new[] { x, y }).ToArray();

    private static (int Mode, double Distance) Nearest(double[] sample, IReadOnlyList<double[]> modes)
    {
        var best = (Mode: -1, Distance: double.PositiveInfinity);
        for (var m = 0; m < modes.Count; m++)
        {
            if (modes[m].Length != sample.Length) throw new ArgumentException($"Sample and mode {m} have different dimensions ({sample.Length} vs {modes[m].Length}).");
            double squared = 0;
            for (var d = 0; d < sample.Length; d++) squared += (sample[d] - modes[m][d]) * (sample[d] - modes[m][d]);
            if (squared < best.Distance * best.Distance) best = (m, Math.Sqrt(squared));
        }
        return best;
    }
}
