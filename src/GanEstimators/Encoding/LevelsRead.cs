namespace GanEstimators.Encoding;

/// <summary>
/// The levels one read of a table meets, numbered as it meets them: those of the fitted vocabulary first (with their
/// ids), then unseen ones in first-seen order. Owned by the read, so reading never changes an encoder.
/// </summary>
internal sealed class LevelsRead
{
    private readonly List<string> _levels;
    private readonly Dictionary<string, int> _ids;

    public LevelsRead(CategoryVocabulary? fitted)
    {
        _levels = fitted?.Levels.ToList() ?? new List<string>();
        KnownCount = _levels.Count;
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _levels.Count; i++) _ids[_levels[i]] = i;
    }

    /// <summary>How many of the levels were in the fitted vocabulary (0 before fitting).</summary>
    public int KnownCount { get; }

    public IReadOnlyList<string> Levels => _levels;

    /// <summary>Levels the fitted vocabulary does not have, in the order the read met them.</summary>
    public IEnumerable<string> Unseen => _levels.Skip(KnownCount);

    public int IdOf(string level)
    {
        if (!_ids.TryGetValue(level, out var id))
        {
            id = _levels.Count;
            _levels.Add(level);
            _ids[level] = id;
        }
        return id;
    }
}
