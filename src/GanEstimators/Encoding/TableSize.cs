namespace GanEstimators.Encoding;

/// <summary>
/// How large a training table may be. Rows × values per row is the length of one .NET array (the raw table, the
/// encoded table), so it must stay within <see cref="Array.MaxLength"/>; the product is taken in 64 bits and a table
/// past the limit is refused with an error naming it and the way round it, instead of overflowing an <c>int</c>.
/// </summary>
internal static class TableSize
{
    /// <summary>Most rows a training table holds (row numbers are <c>int</c>).</summary>
    public static int MaxRows => Array.MaxLength;

    /// <summary>Most values one table array holds.</summary>
    public static long MaxValues => Array.MaxLength;

    /// <summary>The length of an array of <paramref name="rows"/> × <paramref name="width"/> values, or an error when it exceeds <see cref="MaxValues"/>.</summary>
    public static int Length(long rows, int width, string what)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        if (rows <= MaxRows && (width == 0 || rows <= MaxValues / width)) return (int)(rows * width);
        var mostRows = width == 0 ? MaxRows : Math.Min(MaxRows, MaxValues / width);
        throw new ArgumentException(
            $"The training table would hold {rows:N0} rows × {width:N0} {what} values = {(decimal)rows * width:N0} values, more than the {MaxValues:N0} " +
            $"one array can hold. Set GanTrainer.Options.MaxTrainingRows (ganest train --max-training-rows) to at most {mostRows:N0} to train on a uniform sample of the rows.",
            "data");
    }
}
