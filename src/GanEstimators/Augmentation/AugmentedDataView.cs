using Microsoft.ML;

namespace GanEstimators.Augmentation;

/// <summary>
/// The real rows followed by synthetic rows that exist only while a cursor is on their chunk. Row count is known,
/// shuffling is not offered, and every cursor sees the same rows.
/// </summary>
internal sealed class AugmentedDataView : IDataView
{
    private readonly GanSampler _sampler;
    private readonly Action<GanSyntheticChunk>? _chunkGenerated;

    public AugmentedDataView(IDataView real, long realRowCount, AugmentedSchema layout, GanSampler sampler, SyntheticRowPlan plan, Action<GanSyntheticChunk>? chunkGenerated)
    {
        Real = real;
        RealRowCount = realRowCount;
        Layout = layout;
        Plan = plan;
        _sampler = sampler;
        _chunkGenerated = chunkGenerated;
    }

    public IDataView Real { get; }

    public long RealRowCount { get; }

    public AugmentedSchema Layout { get; }

    public SyntheticRowPlan Plan { get; }

    public long RowCount => RealRowCount + Plan.RowCount;

    public bool CanShuffle => false;

    public DataViewSchema Schema => Layout.Schema;

    public long? GetRowCount() => RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new AugmentedRowCursor(this, columnsNeeded);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        new[] { GetRowCursor(columnsNeeded, rand) };

    /// <summary>The rows of one chunk, generated now.</summary>
    public IDataView Generate(GanSyntheticChunk chunk)
    {
        var rows = ChunkSampler.Sample(_sampler, Plan.ConditionColumnName, chunk, RealRowCount);
        _chunkGenerated?.Invoke(chunk);
        return rows;
    }
}
