using GanEstimators.Networks;
using GanEstimators.Serialization;
using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>
/// CTGAN's mode-specific normalisation of a numeric (or date) scalar: a variational Gaussian mixture finds the
/// column's modes; a value is encoded as its mode (one-hot, sampled from the posterior) and its offset within that mode
/// (α = (x − μ) / 4σ, squashed by tanh on the way out). A column with missing values gets one more "mode" that stands
/// for missing, so missing values come back at their real rate. Decoded values stay within the observed range unless
/// told otherwise; dates are rounded to the grid the training dates lie on and carry their place in the year (and
/// day) as <see cref="DateCycles"/>; a column whose values repeat decodes to the nearest value seen in training
/// (<see cref="ObservedValues"/>). A value that alone holds a large share of the column (zero rainfall) is a point
/// mass: it gets a mode slot of its own, after the missing slot, is left out of the mixture, and decodes to exactly
/// itself — so a class whose rows all sit on it can be generated exactly there (CTAB-GAN's mixed-type encoding).
/// </summary>
internal sealed class ModeSpecificEncoder : NumericColumnEncoder
{
    public const string KindName = "mode-specific";
    private const double MaxAlpha = 0.99;

    private VariationalGaussianMixture _mixture = VariationalGaussianMixture.FromComponents(new[] { 0.0 }, new[] { 1.0 }, new[] { 1.0 });
    private bool _hasMissing;
    private bool _clampToRange;
    private float _min, _max;
    private double _grid;
    private bool _snapToObserved;
    private bool _dateCycles;
    private ObservedValues? _observed;
    private DateCycles _cycles = DateCycles.None;
    private double _pointMassShare;
    private double[] _pointMasses = Array.Empty<double>();
    private ValueQuantiles? _quantiles;

    public ModeSpecificEncoder(string name, DataViewType type, bool clampToRange, bool snapToObserved = false, bool dateCycles = false, double pointMassShare = 0) : base(name, type)
    {
        if (type is VectorDataViewType)
            throw new ArgumentException($"Column '{name}' is a vector; mode-specific normalisation works on scalar columns.", nameof(type));
        _clampToRange = clampToRange;
        _snapToObserved = snapToObserved;
        _dateCycles = dateCycles && type is DateTimeDataViewType;
        _pointMassShare = type is DateTimeDataViewType ? 0 : pointMassShare;
    }

    public override string Kind => KindName;

    public override int RawWidth => 1;

    public override int EncodedWidth => 1 + ModeSlots + _cycles.Width;

    private int ModeSlots => PointMassSlot + _pointMasses.Length;

    private int MissingSlot => _mixture.Count;

    private int PointMassSlot => _mixture.Count + (_hasMissing ? 1 : 0);

    public override IReadOnlyList<OutputSpan> Spans
    {
        get
        {
            var spans = new List<OutputSpan> { new(0, 1, SpanActivation.Tanh), new(1, ModeSlots, SpanActivation.Softmax) };
            for (var i = 0; i < _cycles.Count; i++) spans.Add(new OutputSpan(CyclesOffset + 2 * i, 2, SpanActivation.Tanh));
            return spans;
        }
    }

    private int CyclesOffset => 1 + ModeSlots;

    public override bool AllowsMissing => true;

    public override void Fit(ReadOnlySpan<float> rawColumn, int rows, int seed) => Fit(rawColumn, rows, seed, sampleRows: null);

    /// <summary>
    /// Fits the mixture and the point masses to the rows in <paramref name="sampleRows"/> (all rows when null), and the
    /// range, missing slot, date grid and observed values to every row: those are exact and cheap at any size, while
    /// the mixture's cost grows with the distinct values it sees.
    /// </summary>
    public override void Fit(ReadOnlySpan<float> rawColumn, int rows, int seed, int[]? sampleRows)
    {
        List<double> sample;
        if (sampleRows is null)
        {
            var present = new List<double>(rows);
            foreach (var v in rawColumn[..rows])
                if (!float.IsNaN(v)) present.Add(v);
            if (present.Count == 0) throw NoValues();
            _hasMissing = present.Count < rows;
            _min = (float)present.Min();
            _max = (float)present.Max();
            _observed = _snapToObserved ? ObservedValues.WhenRepeating(present) : null;
            sample = present;
        }
        else
        {
            // A large table: one pass over every row for the exact range, missing values and grid, without a copy of them.
            var (count, min, max) = RangeOf(rawColumn[..rows]);
            if (count == 0) throw NoValues();
            (_hasMissing, _min, _max) = (count < rows, min, max);
            _observed = _snapToObserved ? ObservedValues.WhenRepeating(rawColumn[..rows]) : null;
            sample = PresentAt(rawColumn, sampleRows);
            // Sampled rows all missing (a column almost never present): its first present values stand in.
            for (var r = 0; r < rows && sample.Count == 0; r++)
                if (!float.IsNaN(rawColumn[r])) sample.Add(rawColumn[r]);
        }
        _pointMasses = PointMasses.Find(sample, _pointMassShare);
        var continuous = _pointMasses.Length == 0 ? sample : sample.Where(v => Array.IndexOf(_pointMasses, v) < 0).ToList();
        // A column made only of point masses still gets a mixture (of them all), which the encoding then never picks.
        _mixture = VariationalGaussianMixture.Fit((continuous.Count > 0 ? continuous : sample).ToArray(), seed: seed);
        // Dates are not calibrated: a date moved along the calendar would leave the season its other columns were generated for.
        _quantiles = continuous.Count > 0 && Type is not DateTimeDataViewType ? ValueQuantiles.Of(continuous) : null;
        _grid = Type is DateTimeDataViewType ? DateAsDays.GridOf(rawColumn[..rows]) : 0;
        _cycles = _dateCycles ? DateCycles.For(_min, _max, _grid) : DateCycles.None;
    }

    private ArgumentException NoValues() =>
        new($"Feature column '{Name}' has no values at all (every row is missing); drop it from FeatureColumnNames.", "data");

    private static (int Count, float Min, float Max) RangeOf(ReadOnlySpan<float> values)
    {
        int count = 0;
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (var v in values)
        {
            if (float.IsNaN(v)) continue;
            count++;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return (count, min, max);
    }

    private static List<double> PresentAt(ReadOnlySpan<float> rawColumn, int[] rows)
    {
        var values = new List<double>(rows.Length);
        foreach (var r in rows)
            if (!float.IsNaN(rawColumn[r])) values.Add(rawColumn[r]);
        return values;
    }

    public override void Encode(ReadOnlySpan<float> raw, Span<float> encoded, Random random)
    {
        encoded[..EncodedWidth].Clear();
        var x = raw[0];
        if (float.IsNaN(x))
        {
            // Only on resume: the encoder was fitted on rows without missing values, so it has no slot for them.
            if (!_hasMissing)
                throw new ArgumentException($"Feature column '{Name}' had no missing values when the model was first trained, so a model resumed from it cannot take them; fill or drop those rows.", "data");
            encoded[1 + MissingSlot] = 1;
            return;
        }
        var pointMass = Array.IndexOf(_pointMasses, (double)x);
        if (pointMass >= 0)
        {
            encoded[1 + PointMassSlot + pointMass] = 1;
            return;
        }
        Span<double> posterior = stackalloc double[_mixture.Count];
        _mixture.Posterior(x, posterior);
        var mode = SampleMode(posterior, random);
        encoded[0] = (float)Math.Clamp((x - _mixture.Means[mode]) / (4 * _mixture.StandardDeviations[mode]), -MaxAlpha, MaxAlpha);
        encoded[1 + mode] = 1;
        _cycles.Encode(x, encoded.Slice(CyclesOffset, _cycles.Width));
    }

    public override void Decode(ReadOnlySpan<float> encoded, Span<float> raw, Random random)
    {
        var mode = FirstLargest.IndexOf(encoded.Slice(1, ModeSlots));
        if (mode >= PointMassSlot)
        {
            raw[0] = (float)_pointMasses[mode - PointMassSlot];
            return;
        }
        if (mode == MissingSlot)
        {
            raw[0] = float.NaN;
            return;
        }
        var alpha = Math.Clamp(encoded[0], -1f, 1f);
        var x = alpha * 4 * _mixture.StandardDeviations[mode] + _mixture.Means[mode];
        raw[0] = Finish(_cycles.Adjust(x, encoded.Slice(CyclesOffset, _cycles.Width)));
    }

    /// <summary>
    /// The training values' quantiles, point masses left out (null for a date, a column made only of point masses, or a
    /// model saved before format 0x0001000B).
    /// </summary>
    public ValueQuantiles? Quantiles => _quantiles;

    /// <summary>Whether the column has point masses (values that hold a share of its rows on their own).</summary>
    public bool HasPointMasses => _pointMasses.Length > 0;

    /// <summary>Whether <paramref name="value"/> is one of the column's point masses (decoded exactly, never calibrated).</summary>
    public bool IsPointMass(float value) => _pointMasses.Length > 0 && Array.IndexOf(_pointMasses, (double)value) >= 0;

    /// <summary>A decoded value as the column writes it: on the date grid, within the observed range, on an observed value.</summary>
    public float Finish(double x)
    {
        if (_grid > 0) x = Math.Round(x / _grid) * _grid;
        var value = _clampToRange ? Math.Clamp((float)x, _min, _max) : (float)x;
        return _observed is null ? value : _observed.Nearest(value);
    }

    private static int SampleMode(ReadOnlySpan<double> posterior, Random random)
    {
        var u = random.NextDouble();
        for (var k = 0; k < posterior.Length; k++)
        {
            u -= posterior[k];
            if (u < 0) return k;
        }
        return posterior.Length - 1;
    }

    public override void Save(BinaryWriter writer)
    {
        _mixture.Save(writer);
        writer.Write(_hasMissing);
        writer.Write(_clampToRange);
        writer.Write(_min);
        writer.Write(_max);
        writer.Write(_grid);
        writer.Write(_observed is not null);
        _observed?.Save(writer);
        _cycles.Save(writer);
        writer.Write(_pointMasses.Length);
        foreach (var value in _pointMasses) writer.Write(value);
        writer.Write(_quantiles is not null);
        _quantiles?.Save(writer);
    }

    /// <summary>
    /// Reads what <see cref="Save"/> wrote; models saved before format 0x00010005 have no observed values or date
    /// cycles, before 0x00010007 no point masses, and before 0x0001000B no value quantiles.
    /// </summary>
    public static ModeSpecificEncoder Load(BinaryReader reader, string name, DataViewType type, bool withValueSets, bool withPointMasses, bool withQuantiles)
    {
        var encoder = new ModeSpecificEncoder(name, type, clampToRange: true)
        {
            _mixture = VariationalGaussianMixture.Load(reader),
            _hasMissing = reader.ReadBoolean(),
            _clampToRange = reader.ReadBoolean(),
            _min = reader.ReadFiniteSingle("minimum"),
            _max = reader.ReadFiniteSingle("maximum"),
            _grid = reader.ReadFiniteDouble("date grid"),
        };
        if (encoder._min > encoder._max) throw new InvalidDataException($"The saved minimum {encoder._min} exceeds the maximum {encoder._max}.");
        if (encoder._grid < 0) throw new InvalidDataException($"The saved date grid is {encoder._grid}; it must be zero or positive.");
        if (!withValueSets) return encoder;
        encoder._observed = reader.ReadBoolean() ? ObservedValues.Load(reader) : null;
        encoder._snapToObserved = encoder._observed is not null;
        encoder._cycles = DateCycles.Load(reader);
        encoder._dateCycles = encoder._cycles.Count > 0;
        if (!withPointMasses) return encoder;
        encoder._pointMasses = new double[reader.ReadCount("number of point masses", ModelLimits.MaxPointMasses, bytesPerItem: 8)];
        for (var i = 0; i < encoder._pointMasses.Length; i++) encoder._pointMasses[i] = reader.ReadFiniteDouble("point mass");
        if (withQuantiles && reader.ReadBoolean()) encoder._quantiles = ValueQuantiles.Load(reader);
        return encoder;
    }
}
