namespace GanEstimators.Sampling;

/// <summary>
/// The rows each constraint rule changed while a sample was generated (fixed combinations), added up over its chunks
/// or blocks, and the one note in the MLContext log that reports them when the sample's stream ends.
/// </summary>
internal sealed class RepairTally
{
    private int[]? _counts;

    public void Add(int[] repaired)
    {
        _counts ??= new int[repaired.Length];
        for (var i = 0; i < repaired.Length; i++) _counts[i] += repaired[i];
    }

    /// <summary>Logs the counts, out of <paramref name="rows"/> generated rows, when any rule changed a row; then starts again from none.</summary>
    public void Report(SyntheticRowGenerator generator, long rows)
    {
        if (_counts is not null && generator.Constraints?.RepairNote(_counts, rows) is { } note) generator.Log(note);
        _counts = null;
    }
}
