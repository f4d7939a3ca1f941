using GanEstimators.Conditioning;
using GanEstimators.Encoding;
using TorchSharp;

namespace GanEstimators.Sampling.Calibration;

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
/// With <see cref="GanSampler.CalibrateDependence"/>, the columns with training correlations have their shares moved
/// together first (<see cref="DependenceCalibration"/>), so their rank correlations become the training rows'.
/// </summary>
internal sealed class NumberCalibration
{
    public const int Rows = 16_384;

    private readonly (int Index, int RawOffset, ModeSpecificEncoder Encoder, ValueQuantiles Generated)[] _columns;
    private readonly DependenceCalibration? _dependence;

    private NumberCalibration((int, int, ModeSpecificEncoder, ValueQuantiles)[] columns, DependenceCalibration? dependence)
    {
        _columns = columns;
        _dependence = dependence;
    }

    // A column with fewer generated values than this (almost always missing, or a point mass) is left alone.
    private const int MinimumGenerated = 100;

    /// <summary>
    /// The calibration of the generator's columns that carry training quantiles, with the dependence among those that
    /// <paramref name="correlations"/> measured (null: each column on its own); null when no column carries quantiles
    /// (an older model, a table without them).
    /// </summary>
    public static NumberCalibration? Fit(SyntheticRowGenerator generator, GanModeChoice modeChoice, bool calibrateCategories, bool keepSeenPairs, NormalScoreCorrelations? correlations)
    {
        var columns = generator.Features.Columns
            .Select((column, index) => (Encoder: column as ModeSpecificEncoder, Index: index, Offset: generator.Features.RawOffsetOf(index)))
            .Where(c => c.Encoder?.Quantiles is not null).ToArray();
        if (columns.Length == 0) return null;
        var classes = generator.Condition is { } condition ? DrawnClasses.ByFrequency(condition, Rows, new Random(FixedNoiseProbe.Seed)) : null;
        using var random = new torch.Generator(FixedNoiseProbe.Seed);
        var raw = generator.GenerateUncalibratedNumbers(Rows, GenerationRequest.ForClasses(classes), random, modeChoice, calibrateCategories, keepSeenPairs);
        var width = generator.Features.RawWidth;
        var fitted = new List<(int, int, ModeSpecificEncoder, ValueQuantiles)>();
        foreach (var (encoder, index, offset) in columns)
        {
            var generated = new List<double>(Rows);
            for (var r = 0; r < Rows; r++)
            {
                var value = raw[r * width + offset];
                if (!float.IsNaN(value) && !encoder!.IsPointMass(value)) generated.Add(value);
            }
            if (generated.Count >= MinimumGenerated) fitted.Add((index, offset, encoder!, ValueQuantiles.Of(generated)));
        }
        if (fitted.Count == 0) return null;
        var calibrated = fitted.ToArray();
        return new NumberCalibration(calibrated, correlations is null ? null : FitDependence(calibrated, raw, width, correlations));
    }

    // The dependence map of the calibrated columns that have training correlations, fitted on the probe's rows.
    private static DependenceCalibration? FitDependence((int Index, int RawOffset, ModeSpecificEncoder Encoder, ValueQuantiles Generated)[] columns,
        float[] raw, int width, NormalScoreCorrelations correlations)
    {
        var positions = Enumerable.Range(0, columns.Length).Where(p => correlations.Columns.Contains(columns[p].Index)).ToArray();
        if (positions.Length < 2) return null;
        var scored = positions.Select(p => (columns[p].RawOffset, columns[p].Encoder, columns[p].Generated)).ToArray();
        var random = new Random(FixedNoiseProbe.Seed);
        var scores = new List<double[]>(Rows);
        var z = new double[positions.Length];
        for (var r = 0; r < raw.Length / width; r++)
            if (NormalScoreCorrelations.TryScore(raw.AsSpan(r * width, width), scored, random, z)) scores.Add((double[])z.Clone());
        return DependenceCalibration.Fit(positions, scores, correlations.Among(positions.Select(p => columns[p].Index).ToArray()));
    }

    /// <summary>
    /// The log's line when the dependence is calibrated ("Calibrated dependence: temp_max, temp_min, wind; largest
    /// change temp_max × temp_min 0.704 → 0.877 …"); null when it is not.
    /// </summary>
    public string? DescribeDependence(TableEncoder features)
    {
        if (_dependence is not { } d) return null;
        var names = d.Positions.Select(p => features.Columns[_columns[p].Index].Name).ToArray();
        var n = names.Length;
        var (a, b) = (0, 1);
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
                if (Math.Abs(d.TrainingCorrelations[i * n + j] - d.GeneratedCorrelations[i * n + j]) > Math.Abs(d.TrainingCorrelations[a * n + b] - d.GeneratedCorrelations[a * n + b])) (a, b) = (i, j);
        return $"Calibrated dependence: {string.Join(", ", names)} keep their training rows' normal-score correlations; largest change {names[a]} × {names[b]} {d.GeneratedCorrelations[a * n + b]:F3} → {d.TrainingCorrelations[a * n + b]:F3} (GanSampler.CalibrateDependence).";
    }

    /// <summary>Maps the calibrated columns of <paramref name="rows"/> decoded rows (row-major, <paramref name="width"/> values each) in place; <paramref name="random"/> places tied values.</summary>
    public void Apply(Span<float> raw, int rows, int width, Random random)
    {
        for (var p = 0; p < _columns.Length; p++)
        {
            if (_dependence is not null && _dependence.Positions.Contains(p)) continue;
            var (_, offset, encoder, generated) = _columns[p];
            var real = encoder.Quantiles!;
            for (var r = 0; r < rows; r++)
            {
                ref var value = ref raw[r * width + offset];
                if (float.IsNaN(value) || encoder.IsPointMass(value)) continue;
                value = encoder.Finish(real.ValueAt(generated.ShareOf(value, random)));
            }
        }
        if (_dependence is not null) ApplyDependence(raw, rows, width, random, _dependence);
    }

    // Row by row: the shares of the dependent columns, moved together where the row has all of them.
    private void ApplyDependence(Span<float> raw, int rows, int width, Random random, DependenceCalibration dependence)
    {
        var n = dependence.Positions.Count;
        Span<double> shares = stackalloc double[n];
        for (var r = 0; r < rows; r++)
        {
            var row = raw.Slice(r * width, width);
            var complete = true;
            for (var k = 0; k < n; k++)
            {
                var (_, offset, encoder, generated) = _columns[dependence.Positions[k]];
                var value = row[offset];
                if (float.IsNaN(value) || encoder.IsPointMass(value))
                {
                    complete = false;
                    shares[k] = double.NaN;
                }
                else shares[k] = generated.ShareOf(value, random);
            }
            if (complete)
            {
                for (var k = 0; k < n; k++) shares[k] = StandardNormal.ScoreOf(shares[k]);
                dependence.MoveToShares(shares);
            }
            for (var k = 0; k < n; k++)
            {
                if (double.IsNaN(shares[k])) continue;
                var (_, offset, encoder, _) = _columns[dependence.Positions[k]];
                row[offset] = encoder.Finish(encoder.Quantiles!.ValueAt(shares[k]));
            }
        }
    }
}
