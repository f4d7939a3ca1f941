using GanEstimators.Conditioning;
using GanEstimators.Encoding;
using static TorchSharp.torch;

namespace GanEstimators.Sampling;

/// <summary>
/// The random streams of one pass over a sample, consumed chunk by chunk in row order: the classes (a C# generator
/// seeded with the sample seed) and the noise and decoding draws (a torch generator seeded with it). Chunks of
/// <see cref="SyntheticRowGenerator.ChunkRows"/> rows consume both exactly as one call for all rows would, so a
/// sample's rows do not depend on how it is read.
/// </summary>
internal sealed class SampleStream : ISyntheticRowStream
{
    private readonly SyntheticRowGenerator _generator;
    private readonly SampleConditions _conditions;
    private readonly Generator _random;
    private readonly Random _classRandom;
    private readonly double[]? _classCumulative;
    private long _nextRow;
    private int[]? _repaired;
    private readonly bool _logRepairs;

    /// <summary>Rows each constraint rule changed so far (fixed combinations); null while none was counted.</summary>
    public int[]? Repaired => _repaired;

    public SampleStream(SyntheticRowGenerator generator, SampleConditions conditions, int seed)
        : this(generator, conditions, unchecked((ulong)seed), seed)
    {
    }

    /// <summary>
    /// A stream whose noise and decoding draws start from <paramref name="noiseSeed"/> and class draws from
    /// <paramref name="classSeed"/>, and whose first row is row <paramref name="firstRow"/> of the sample (what a
    /// <c>Unique</c> constraint numbers from, so blocks of a range sample number their rows as one sample would).
    /// </summary>
    public SampleStream(SyntheticRowGenerator generator, SampleConditions conditions, ulong noiseSeed, int classSeed, long firstRow = 0, bool logRepairs = true)
    {
        _logRepairs = logRepairs;
        _nextRow = firstRow;
        _generator = generator;
        _conditions = conditions;
        _random = new Generator(noiseSeed);
        _classRandom = new Random(classSeed);
        _classCumulative = generator.Condition is { } condition && conditions.FixedClass is null ? CumulativeWeights.Of(condition.Frequencies) : null;
    }

    /// <inheritdoc/>
    public (float[] Rows, int[]? Classes) Next(int rows)
    {
        var classes = _generator.Condition is null ? null
            : _conditions.FixedClass is { } k ? Enumerable.Repeat(k, rows).ToArray()
            : Enumerable.Range(0, rows).Select(_ => CumulativeWeights.Draw(_classCumulative!, _classRandom)).ToArray();
        var request = new GenerationRequest(classes, _conditions.FixedCategories) { FirstRow = _nextRow };
        var generated = _generator.Generate(rows, request, _random, Count);
        _nextRow += rows;
        return (generated, classes);
    }

    private void Count(int[] repaired)
    {
        _repaired ??= new int[repaired.Length];
        for (var i = 0; i < repaired.Length; i++) _repaired[i] += repaired[i];
    }

    public void Dispose()
    {
        _random.Dispose();
        if (_logRepairs && _repaired is not null && _generator.Constraints?.RepairNote(_repaired, _nextRow) is { } note) _generator.Log(note);
        _repaired = null;
    }
}
