namespace GanEstimators.Loading;

/// <summary>
/// Counts a column's distinct values in bounded memory: exactly while they are few (at most <see cref="CountedLimit"/>
/// once one repeats) or all different (at most <see cref="UniqueLimit"/>, to tell an ID column), after that only that
/// there are more.
/// </summary>
internal sealed class DistinctValues<T> where T : notnull
{
    public const int CountedLimit = 10_000;
    public const int UniqueLimit = 1_000_000;

    private HashSet<T>? _seen = new();
    private bool _repeated;

    /// <summary>The number of distinct values, or null when there are more than were counted.</summary>
    public int? Count => _seen?.Count;

    /// <summary>Every value added was different from the others (and there were not too many to check).</summary>
    public bool AllDifferent => _seen is not null && !_repeated;

    /// <summary>Stops counting (the values will not be needed), so <see cref="Count"/> is null from now on.</summary>
    public void Stop() => _seen = null;

    public void Add(T value)
    {
        if (_seen is null) return;
        if (!_seen.Add(value)) _repeated = true;
        if (_seen.Count > (_repeated ? CountedLimit : UniqueLimit)) _seen = null;
    }
}
