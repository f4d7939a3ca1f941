using GanEstimators.Conditioning;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace GanEstimators.Sampling;

/// <summary>
/// The rows of <c>GanSampler.Sample</c>: generated chunk by chunk as a cursor reaches them, so any count streams in
/// bounded memory. Every cursor replays the sample's random streams from its seed, so every cursor sees the same rows;
/// the row count is known and shuffling is not offered.
/// </summary>
internal sealed class SampleDataView : IDataView
{
    private readonly IHostEnvironment _environment;

    public SampleDataView(IHostEnvironment environment, SyntheticRowGenerator generator, SampleConditions conditions, int count, int seed)
    {
        _environment = environment;
        Generator = generator;
        Conditions = conditions;
        Count = count;
        Seed = seed;
        // An empty chunk has the columns, types and annotations every generated chunk will have.
        Schema = ChunkDataView.Build(environment, generator, Array.Empty<float>(), 0, generator.Condition is null ? null : Array.Empty<int>()).Schema;
    }

    public SyntheticRowGenerator Generator { get; }

    public SampleConditions Conditions { get; }

    public int Count { get; }

    public int Seed { get; }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => Count;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new SampleRowCursor(this, columnsNeeded);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        new[] { GetRowCursor(columnsNeeded, rand) };

    /// <summary>The generated rows of one chunk as an in-memory view.</summary>
    public IDataView Chunk(float[] rows, int count, int[]? classes) => ChunkDataView.Build(_environment, Generator, rows, count, classes);
}
