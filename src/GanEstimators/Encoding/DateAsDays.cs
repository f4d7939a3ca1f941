namespace GanEstimators.Encoding;

/// <summary>
/// Dates as float days since 2000-01-01. A float keeps about a minute of precision for dates within a few decades of
/// the origin; the date encoder rounds decoded values to the grid the training dates lie on (days, hours, minutes).
/// A default (unset) DateTime reads as missing.
/// </summary>
internal static class DateAsDays
{
    public static readonly DateTime Origin = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static float ToDays(DateTime value) =>
        value == default ? float.NaN : (float)((value - Origin).Ticks / (double)TimeSpan.TicksPerDay);

    public static DateTime FromDays(float days)
    {
        if (!float.IsFinite(days)) return default;
        var ticks = Origin.Ticks + Math.Round(days * (double)TimeSpan.TicksPerDay);
        // Compared in double, DateTime.MaxValue.Ticks rounds up to a value past the range, so clamp at the ends
        // before converting; below that bound every double converts to a long within the range.
        if (ticks >= DateTime.MaxValue.Ticks) return DateTime.MaxValue;
        if (ticks <= DateTime.MinValue.Ticks) return DateTime.MinValue;
        return new DateTime((long)ticks);
    }

    /// <summary>The coarsest of day / hour / minute / second that every value (in days) lies on, in days; 0 when none does.</summary>
    public static double GridOf(ReadOnlySpan<float> days)
    {
        foreach (var step in new[] { 1.0, 1.0 / 24, 1.0 / 1440, 1.0 / 86400 })
        {
            var onGrid = true;
            foreach (var d in days)
            {
                if (float.IsNaN(d)) continue;
                var units = d / step;
                // A float day count carries about 1e-7 relative error; allow that much off the grid.
                if (Math.Abs(units - Math.Round(units)) > Math.Max(1e-3, Math.Abs(d) * 2e-7 / step)) { onGrid = false; break; }
            }
            if (onGrid) return step;
        }
        return 0;
    }
}
