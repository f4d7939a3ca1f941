using GanEstimators.Serialization;

namespace GanEstimators.Encoding;

/// <summary>
/// A numeric column's distribution as <see cref="Knots"/> evenly spaced quantiles (the 0th, 1/256th, … 256/256th),
/// learnt from the training values of a mode-specific column (its point masses and missing values left out), so that
/// the sampler can map generated values onto the training distribution (<see cref="GanSampler.CalibrateNumbers"/>).
/// The same summary serves for the generated values it is compared with.
/// </summary>
internal sealed class ValueQuantiles
{
    public const int Knots = 257;

    private readonly float[] _values;

    private ValueQuantiles(float[] values) => _values = values;

    /// <summary>The quantiles of <paramref name="values"/> (any order; at least one value), by linear interpolation between order statistics.</summary>
    public static ValueQuantiles Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("Quantiles need at least one value.", nameof(values));
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var knots = new float[Knots];
        for (var k = 0; k < Knots; k++)
        {
            var position = (double)k / (Knots - 1) * (sorted.Length - 1);
            var below = (int)Math.Floor(position);
            var above = Math.Min(below + 1, sorted.Length - 1);
            knots[k] = (float)(sorted[below] + (position - below) * (sorted[above] - sorted[below]));
        }
        return new ValueQuantiles(knots);
    }

    /// <summary>The value at cumulative share <paramref name="share"/> (0 to 1), between knots linearly.</summary>
    public double ValueAt(double share)
    {
        var position = Math.Clamp(share, 0, 1) * (Knots - 1);
        var below = Math.Min((int)Math.Floor(position), Knots - 2);
        return _values[below] + (position - below) * (_values[below + 1] - _values[below]);
    }

    /// <summary>
    /// The cumulative shares of <paramref name="value"/> (0 to 1), between knots linearly: one share (low = high) for a
    /// value between knots, and the range of their shares where several knots hold the value (a value the column takes
    /// often).
    /// </summary>
    public (double Low, double High) SharesOf(double value)
    {
        if (value < _values[0]) return (0, 0);
        if (value > _values[^1]) return (1, 1);
        var knot = Array.BinarySearch(_values, (float)value);
        if (knot < 0)
        {
            var above = ~knot;
            var below = above - 1;
            var share = (below + (value - _values[below]) / (_values[above] - _values[below])) / (Knots - 1);
            return (share, share);
        }
        int first = knot, last = knot;
        while (first > 0 && _values[first - 1] == _values[knot]) first--;
        while (last < Knots - 1 && _values[last + 1] == _values[knot]) last++;
        return (first / (double)(Knots - 1), last / (double)(Knots - 1));
    }

    /// <summary>The share of <paramref name="value"/>; a value several knots hold (a repeated value) takes one drawn uniformly within their range.</summary>
    public double ShareOf(double value, Random random)
    {
        var (low, high) = SharesOf(value);
        return low == high ? low : low + (high - low) * random.NextDouble();
    }

    public void Save(BinaryWriter writer)
    {
        foreach (var v in _values) writer.Write(v);
    }

    public static ValueQuantiles Load(BinaryReader reader)
    {
        var values = new float[Knots];
        for (var k = 0; k < Knots; k++)
        {
            values[k] = reader.ReadFiniteSingle("value quantile");
            if (k > 0 && values[k] < values[k - 1]) throw new InvalidDataException("The saved value quantiles are not in ascending order.");
        }
        return new ValueQuantiles(values);
    }
}
