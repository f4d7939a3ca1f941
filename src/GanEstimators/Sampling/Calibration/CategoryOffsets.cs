using static TorchSharp.torch;

namespace GanEstimators.Sampling.Calibration;

/// <summary>What <see cref="CategoryCalibration"/> fits, added to the generator's logits before a category is drawn.</summary>
internal sealed class CategoryOffsets : IDisposable
{
    public CategoryOffsets(Tensor columns, Tensor[]? pairTables)
    {
        Columns = columns;
        PairTables = pairTables;
    }

    /// <summary>One offset per slot over the generator's whole output (zero outside categorical spans).</summary>
    public Tensor Columns { get; }

    /// <summary>
    /// Where <see cref="SeenPairs"/> are kept or linked, one table per pair (<see cref="SeenPairs.Start"/>'s order): its
    /// penalties (none for a linked pair) plus an offset per known slot and drawn slot; null without pairs.
    /// </summary>
    public IReadOnlyList<Tensor>? PairTables { get; }

    public void Dispose()
    {
        Columns.Dispose();
        foreach (var table in PairTables ?? Array.Empty<Tensor>()) table.Dispose();
    }
}
