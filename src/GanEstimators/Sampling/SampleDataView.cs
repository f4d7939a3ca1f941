using GanEstimators.Conditioning;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace GanEstimators.Sampling;

/// <summary>
/// The rows of <c>GanSampler.Sample</c> (one sequential stream per seed) or <c>GanSampler.SampleRange</c> (rows from
/// <see cref="Start"/> on of the seed's block stream, <see cref="SampleBlocks"/>): generated chunk by chunk as a cursor
/// reaches them, so any count streams in bounded memory. Every cursor replays the sample's random streams from its
/// seed, so every cursor sees the same rows; the row count is known and shuffling is not offered.
/// </summary>
internal sealed class SampleDataView : IDataView
{
    private readonly IHostEnvironment _environment;

    public SampleDataView(IHostEnvironment environment, SyntheticRowGenerator generator, SampleConditions conditions, long count, int seed, long? start = null)
    {
        _environment = environment;
        Generator = generator;
        Conditions = conditions;
        Count = count;
        Seed = seed;
        Start = start;
        // An empty chunk has the columns, types and annotations every generated chunk will have.
        Schema = ChunkDataView.Build(environment, generator, Array.Empty<float>(), 0, generator.Condition is null ? null : Array.Empty<int>()).Schema;
    }

    public SyntheticRowGenerator Generator { get; }

    public SampleConditions Conditions { get; }

    public long Count { get; }

    public int Seed { get; }

    /// <summary>The first row of a range sample in its seed's block stream; null for <c>Sample</c>'s sequential stream.</summary>
    public long? Start { get; }

    /// <summary>For the sequential stream: the number a <c>Unique</c> constraint gives the first row (0: the sample's own).</summary>
    public long NumberFrom { get; init; }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => Count;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new SampleRowCursor(this, columnsNeeded);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        new[] { GetRowCursor(columnsNeeded, rand) };

    /// <summary>The sample's random streams from its first row, for one cursor.</summary>
    public ISyntheticRowStream OpenStream() =>
        Start is { } start ? new BlockRangeStream(Generator, Conditions, Seed, start) : new SampleStream(Generator, Conditions, Seed, NumberFrom);

    /// <summary>The generated rows of one chunk as an in-memory view.</summary>
    public IDataView Chunk(float[] rows, int count, int[]? classes) => ChunkDataView.Build(_environment, Generator, rows, count, classes);
}
