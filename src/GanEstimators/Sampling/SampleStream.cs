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
internal sealed class SampleStream : IDisposable
{
    private readonly SyntheticRowGenerator _generator;
    private readonly SampleConditions _conditions;
    private readonly Generator _random;
    private readonly Random _classRandom;
    private readonly double[]? _classCumulative;
    private long _nextRow;
    private int[]? _repaired;

    public SampleStream(SyntheticRowGenerator generator, SampleConditions conditions, int seed)
    {
        _generator = generator;
        _conditions = conditions;
        _random = new Generator((ulong)seed);
        _classRandom = new Random(seed);
        _classCumulative = generator.Condition is { } condition && conditions.FixedClass is null ? CumulativeWeights.Of(condition.Frequencies) : null;
    }

    /// <summary>The next <paramref name="rows"/> rows (raw values, row-major) and their classes (null for an unconditional GAN).</summary>
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
        if (_repaired is not null && _generator.Constraints?.RepairNote(_repaired, _nextRow) is { } note) _generator.Log(note);
        _repaired = null;
    }
}
