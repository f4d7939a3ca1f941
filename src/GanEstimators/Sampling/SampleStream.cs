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
    private readonly RepairTally _repairs;
    private readonly bool _reportsRepairs;

    /// <summary>A stream of a sample seeded with <paramref name="seed"/>; see the other constructor for <paramref name="firstRow"/>.</summary>
    public SampleStream(SyntheticRowGenerator generator, SampleConditions conditions, int seed, long firstRow = 0)
        : this(generator, conditions, unchecked((ulong)seed), seed, firstRow)
    {
    }

    /// <summary>
    /// A stream whose noise and decoding draws start from <paramref name="noiseSeed"/> and class draws from
    /// <paramref name="classSeed"/>, and whose first row is row <paramref name="firstRow"/> of the sample (what a
    /// <c>Unique</c> constraint numbers from, so blocks of a range sample number their rows as one sample would). Rows
    /// that constraint rules change are added to <paramref name="repairs"/> when it is given (its owner reports them);
    /// otherwise the stream reports its own when it is disposed.
    /// </summary>
    public SampleStream(SyntheticRowGenerator generator, SampleConditions conditions, ulong noiseSeed, int classSeed, long firstRow = 0, RepairTally? repairs = null)
    {
        _repairs = repairs ?? new RepairTally();
        _reportsRepairs = repairs is null;
        _nextRow = firstRow;
        _generator = generator;
        _conditions = conditions;
        _random = new Generator(noiseSeed);
        _classRandom = new Random(classSeed);
        _classCumulative = generator.Condition is { } condition && conditions.FixedClass is null
            ? CumulativeWeights.Of(ClassFrequencies.For(condition, conditions.FixedCategories, generator.Combinations))
            : null;
    }

    /// <inheritdoc/>
    public (float[] Rows, int[]? Classes) Next(int rows)
    {
        var classes = _generator.Condition is null ? null
            : _conditions.FixedClass is { } k ? Enumerable.Repeat(k, rows).ToArray()
            : Enumerable.Range(0, rows).Select(_ => CumulativeWeights.Draw(_classCumulative!, _classRandom)).ToArray();
        var request = new GenerationRequest(classes, _conditions.FixedCategories) { FirstRow = _nextRow };
        var generated = _generator.Generate(rows, request, _random, _repairs.Add);
        _nextRow += rows;
        return (generated, classes);
    }

    public void Dispose()
    {
        _random.Dispose();
        if (_reportsRepairs) _repairs.Report(_generator, _nextRow);
    }
}
