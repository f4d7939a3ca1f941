using GanEstimators.Serialization;

namespace GanEstimators.Encoding;

/// <summary>
/// The distinct values of a numeric column whose values repeat — readings rounded to a unit, or converted from another
/// unit (°F to °C at 0.1 gives 12.8, 13.3, 13.9 …) — so decoded values can be moved to the nearest of them. Without
/// this a generator fills the gaps of the grid with values no real row has, which a classifier spots at once.
/// A column whose values are mostly distinct (truly continuous) gets no set: snapping there would copy training rows.
/// </summary>
internal sealed class ObservedValues
{
    /// <summary>Most distinct values kept; a column with more is treated as continuous.</summary>
    public const int MaxCount = 4096;

    private readonly float[] _sorted;

    private ObservedValues(float[] sorted) => _sorted = sorted;

    public int Count => _sorted.Length;

    /// <summary>The set when the present values repeat (at most half as many distinct values as values), else null.</summary>
    public static ObservedValues? WhenRepeating(IReadOnlyCollection<double> present)
    {
        var distinct = new HashSet<float>();
        foreach (var v in present)
        {
            distinct.Add((float)v);
            if (distinct.Count > MaxCount) return null;
        }
        if (distinct.Count > present.Count / 2) return null;
        var sorted = distinct.ToArray();
        Array.Sort(sorted);
        return new ObservedValues(sorted);
    }

    /// <summary>As <see cref="WhenRepeating(IReadOnlyCollection{double})"/>, over a column's raw values (NaN, missing, skipped) without copying them.</summary>
    public static ObservedValues? WhenRepeating(ReadOnlySpan<float> values)
    {
        var distinct = new HashSet<float>();
        var present = 0;
        foreach (var v in values)
        {
            if (float.IsNaN(v)) continue;
            present++;
            if (distinct.Add(v) && distinct.Count > MaxCount) return null;
        }
        if (distinct.Count > present / 2) return null;
        var sorted = distinct.ToArray();
        Array.Sort(sorted);
        return new ObservedValues(sorted);
    }

    /// <summary>The observed value nearest to <paramref name="value"/> (ties go to the smaller one).</summary>
    public float Nearest(float value)
    {
        var i = Array.BinarySearch(_sorted, value);
        if (i >= 0) return _sorted[i];
        var above = ~i;
        if (above == 0) return _sorted[0];
        if (above == _sorted.Length) return _sorted[^1];
        var below = _sorted[above - 1];
        return value - below <= _sorted[above] - value ? below : _sorted[above];
    }

    public void Save(BinaryWriter writer)
    {
        writer.Write(_sorted.Length);
        foreach (var v in _sorted) writer.Write(v);
    }

    public static ObservedValues Load(BinaryReader reader)
    {
        var count = reader.ReadCount("number of observed values", MaxCount, bytesPerItem: 4, min: 1);
        var sorted = new float[count];
        for (var i = 0; i < count; i++)
        {
            sorted[i] = reader.ReadFiniteSingle("observed value");
            if (i > 0 && !(sorted[i] > sorted[i - 1])) throw new InvalidDataException("The saved observed values are not in ascending order.");
        }
        return new ObservedValues(sorted);
    }
}
