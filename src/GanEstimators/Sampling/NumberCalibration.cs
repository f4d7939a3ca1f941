using GanEstimators.Conditioning;
using GanEstimators.Encoding;
using TorchSharp;

namespace GanEstimators.Sampling;

/// <summary>
/// <see cref="GanSampler.CalibrateNumbers"/>: each mode-specific numeric column's generated values are mapped
/// onto its training distribution, value → training quantile at the value's share of the generated distribution
/// (quantile mapping), then put on the column's grid, range and observed values again. A GAN's numeric marginals are
/// often shifted or too narrow (flights' delays by +4 minutes at the median); the mapping is monotone, so each
/// column's order, and with it the rows' rank correlations, is kept. A value the generator makes often (a grid value)
/// spans a range of shares, and each such row takes a share drawn within it, so a repeating column is spread over the
/// training values in their proportions instead of moved as one block. The generated distribution is measured once per
/// mode choice and category setting, on <see cref="Rows"/> rows of fixed noise with conditions drawn as sampling draws
/// them; point masses and missing values are left as generated. Dates are left alone (their encoder keeps no
/// quantiles): moved along the calendar, a date would leave the season that its row's other columns were generated for.
/// </summary>
internal sealed class NumberCalibration
{
    public const int Rows = 16_384;

    private readonly (int RawOffset, ModeSpecificEncoder Encoder, ValueQuantiles Generated)[] _columns;

    private NumberCalibration((int, ModeSpecificEncoder, ValueQuantiles)[] columns) => _columns = columns;

    // A column with fewer generated values than this (almost always missing, or a point mass) is left alone.
    private const int MinimumGenerated = 100;

    /// <summary>The calibration of the generator's columns that carry training quantiles; null when none does (an older model, a table without them).</summary>
    public static NumberCalibration? Fit(SyntheticRowGenerator generator, GanModeChoice modeChoice, bool calibrateCategories, bool keepSeenPairs)
    {
        var columns = generator.Features.Columns
            .Select((column, index) => (Encoder: column as ModeSpecificEncoder, Offset: generator.Features.RawOffsetOf(index)))
            .Where(c => c.Encoder?.Quantiles is not null).ToArray();
        if (columns.Length == 0) return null;
        var classes = generator.Condition is { } condition ? DrawnClasses.ByFrequency(condition, Rows, new Random(FixedNoiseProbe.Seed)) : null;
        using var random = new torch.Generator(FixedNoiseProbe.Seed);
        var raw = generator.GenerateUncalibratedNumbers(Rows, GenerationRequest.ForClasses(classes), random, modeChoice, calibrateCategories, keepSeenPairs);
        var width = generator.Features.RawWidth;
        var fitted = new List<(int, ModeSpecificEncoder, ValueQuantiles)>();
        foreach (var (encoder, offset) in columns)
        {
            var generated = new List<double>(Rows);
            for (var r = 0; r < Rows; r++)
            {
                var value = raw[r * width + offset];
                if (!float.IsNaN(value) && !encoder!.IsPointMass(value)) generated.Add(value);
            }
            if (generated.Count >= MinimumGenerated) fitted.Add((offset, encoder!, ValueQuantiles.Of(generated)));
        }
        return fitted.Count == 0 ? null : new NumberCalibration(fitted.ToArray());
    }

    /// <summary>Maps the calibrated columns of <paramref name="rows"/> decoded rows (row-major, <paramref name="width"/> values each) in place; <paramref name="random"/> places tied values.</summary>
    public void Apply(Span<float> raw, int rows, int width, Random random)
    {
        foreach (var (offset, encoder, generated) in _columns)
        {
            var real = encoder.Quantiles!;
            for (var r = 0; r < rows; r++)
            {
                ref var value = ref raw[r * width + offset];
                if (float.IsNaN(value) || encoder.IsPointMass(value)) continue;
                var (low, high) = generated.SharesOf(value);
                value = encoder.Finish(real.ValueAt(low == high ? low : low + (high - low) * random.NextDouble()));
            }
        }
    }
}
