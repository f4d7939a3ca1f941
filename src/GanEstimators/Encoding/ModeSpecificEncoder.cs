using GanEstimators.Networks;
using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>
/// CTGAN's mode-specific normalisation of a numeric (or date) scalar: a variational Gaussian mixture finds the
/// column's modes; a value is encoded as its mode (one-hot, sampled from the posterior) and its offset within that mode
/// (α = (x − μ) / 4σ, squashed by tanh on the way out). A column with missing values gets one more "mode" that stands
/// for missing, so missing values come back at their real rate. Decoded values stay within the observed range unless
/// told otherwise; dates are rounded to the grid the training dates lie on.
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

    public ModeSpecificEncoder(string name, DataViewType type, bool clampToRange) : base(name, type)
    {
        if (type is VectorDataViewType)
            throw new ArgumentException($"Column '{name}' is a vector; mode-specific normalisation works on scalar columns.", nameof(type));
        _clampToRange = clampToRange;
    }

    public override string Kind => KindName;

    public override int RawWidth => 1;

    public override int EncodedWidth => 1 + ModeSlots;

    private int ModeSlots => _mixture.Count + (_hasMissing ? 1 : 0);

    public override IReadOnlyList<OutputSpan> Spans => new[]
    {
        new OutputSpan(0, 1, SpanActivation.Tanh),
        new OutputSpan(1, ModeSlots, SpanActivation.Softmax),
    };

    public override bool AllowsMissing => true;

    public override void Fit(ReadOnlySpan<float> rawColumn, int rows, int seed)
    {
        var present = new List<double>(rows);
        foreach (var v in rawColumn[..rows])
            if (!float.IsNaN(v)) present.Add(v);
        if (present.Count == 0)
            throw new ArgumentException($"Feature column '{Name}' has no values at all (every row is missing); drop it from FeatureColumnNames.", "data");
        _hasMissing = present.Count < rows;
        _min = (float)present.Min();
        _max = (float)present.Max();
        _mixture = VariationalGaussianMixture.Fit(present.ToArray(), seed: seed);
        _grid = Type is DateTimeDataViewType ? DateAsDays.GridOf(rawColumn[..rows]) : 0;
    }

    public override void Encode(ReadOnlySpan<float> raw, Span<float> encoded, Random random)
    {
        encoded[..EncodedWidth].Clear();
        var x = raw[0];
        if (float.IsNaN(x))
        {
            encoded[1 + _mixture.Count] = 1;
            return;
        }
        Span<double> posterior = stackalloc double[_mixture.Count];
        _mixture.Posterior(x, posterior);
        var mode = SampleMode(posterior, random);
        encoded[0] = (float)Math.Clamp((x - _mixture.Means[mode]) / (4 * _mixture.StandardDeviations[mode]), -MaxAlpha, MaxAlpha);
        encoded[1 + mode] = 1;
    }

    public override void Decode(ReadOnlySpan<float> encoded, Span<float> raw, Random random)
    {
        var mode = 0;
        for (var k = 1; k < ModeSlots; k++)
            if (encoded[1 + k] > encoded[1 + mode]) mode = k;
        if (mode == _mixture.Count)
        {
            raw[0] = float.NaN;
            return;
        }
        var alpha = Math.Clamp(encoded[0], -1f, 1f);
        var x = alpha * 4 * _mixture.StandardDeviations[mode] + _mixture.Means[mode];
        if (_grid > 0) x = Math.Round(x / _grid) * _grid;
        raw[0] = _clampToRange ? Math.Clamp((float)x, _min, _max) : (float)x;
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
    }

    public static ModeSpecificEncoder Load(BinaryReader reader, string name, DataViewType type)
    {
        var encoder = new ModeSpecificEncoder(name, type, clampToRange: true)
        {
            _mixture = VariationalGaussianMixture.Load(reader),
            _hasMissing = reader.ReadBoolean(),
            _clampToRange = reader.ReadBoolean(),
            _min = reader.ReadSingle(),
            _max = reader.ReadSingle(),
            _grid = reader.ReadDouble(),
        };
        return encoder;
    }
}
