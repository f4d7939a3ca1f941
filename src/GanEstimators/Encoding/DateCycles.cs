using GanEstimators.Serialization;

namespace GanEstimators.Encoding;

/// <summary>
/// A date's position within the year (and within the day, for dates with a time of day) as a sine and cosine pair
/// each, next to the date's mode-specific encoding. A network reads seasonality off these at once, where from a
/// day count spanning several years it would have to learn a periodic function. Decoding takes the date's day of year
/// (time of day) from the generated pairs, moving the date by at most half a cycle, so the two parts agree.
/// </summary>
internal sealed class DateCycles
{
    public const double DaysPerYear = 365.2425;

    private readonly double[] _periods;

    private DateCycles(double[] periods) => _periods = periods;

    public static readonly DateCycles None = new(Array.Empty<double>());

    /// <summary>Encoded floats: a sine and a cosine per cycle.</summary>
    public int Width => 2 * _periods.Length;

    public int Count => _periods.Length;

    /// <summary>
    /// The yearly cycle when the dates span at least a year; the daily cycle when they carry times of day (their grid is
    /// finer than a day) and span at least a day. <paramref name="grid"/> is in days, 0 when the dates lie on no grid.
    /// </summary>
    public static DateCycles For(double minDays, double maxDays, double grid)
    {
        var span = maxDays - minDays;
        var periods = new List<double>();
        if (span >= DaysPerYear) periods.Add(DaysPerYear);
        if (grid < 1 && span >= 1) periods.Add(1);
        return new DateCycles(periods.ToArray());
    }

    public void Encode(double days, Span<float> encoded)
    {
        for (var i = 0; i < _periods.Length; i++)
        {
            var angle = 2 * Math.PI * days / _periods[i];
            encoded[2 * i] = (float)Math.Sin(angle);
            encoded[2 * i + 1] = (float)Math.Cos(angle);
        }
    }

    /// <summary>Moves <paramref name="days"/> (by less than half of each cycle, longest first) to the phases the generated pairs give.</summary>
    public double Adjust(double days, ReadOnlySpan<float> encoded)
    {
        for (var i = 0; i < _periods.Length; i++)
        {
            double sine = encoded[2 * i], cosine = encoded[2 * i + 1];
            if (sine == 0 && cosine == 0) continue;
            var period = _periods[i];
            var wanted = Math.Atan2(sine, cosine) / (2 * Math.PI);
            var current = days / period;
            var shift = wanted - current;
            shift -= Math.Round(shift);
            days += shift * period;
        }
        return days;
    }

    public void Save(BinaryWriter writer)
    {
        writer.Write(_periods.Length);
        foreach (var p in _periods) writer.Write(p);
    }

    public static DateCycles Load(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count is < 0 or > 2)
            throw new InvalidDataException($"A saved date encoding has {count} cycles; expected 0 to 2.");
        var periods = new double[count];
        for (var i = 0; i < count; i++)
            if (!((periods[i] = reader.ReadFiniteDouble("date cycle period")) > 0))
                throw new InvalidDataException($"A saved date cycle has period {periods[i]}; it must be positive.");
        return new DateCycles(periods);
    }
}
