using GanEstimators.Conditioning;

namespace GanEstimators.Sampling;

/// <summary>
/// Rows <c>[start, …)</c> of a seed's block stream (<see cref="SampleBlocks"/>): generates each block it enters whole,
/// from the block's own seed, and hands out the rows from <c>start</c> on. One block is held at a time. Rows that
/// constraint rules changed are counted over the blocks and logged once, when the stream ends.
/// </summary>
internal sealed class BlockRangeStream : ISyntheticRowStream
{
    private readonly SyntheticRowGenerator _generator;
    private readonly SampleConditions _conditions;
    private readonly int _seed;
    private readonly int _width;
    private long _block;
    private int _offset;
    private float[]? _rows;
    private int[]? _classes;
    private readonly RepairTally _repairs = new();
    private long _generated;

    public BlockRangeStream(SyntheticRowGenerator generator, SampleConditions conditions, int seed, long start)
    {
        _generator = generator;
        _conditions = conditions;
        _seed = seed;
        _width = generator.Features.RawWidth;
        _block = SampleBlocks.BlockOf(start);
        _offset = (int)(start - _block * SampleBlocks.Rows);
    }

    /// <inheritdoc/>
    public (float[] Rows, int[]? Classes) Next(int rows)
    {
        var values = new float[rows * _width];
        var classes = _generator.Condition is null ? null : new int[rows];
        for (var done = 0; done < rows;)
        {
            if (_rows is null || _offset == SampleBlocks.Rows) EnterNextBlock();
            var take = Math.Min(rows - done, SampleBlocks.Rows - _offset);
            Array.Copy(_rows!, _offset * _width, values, done * _width, take * _width);
            if (classes is not null) Array.Copy(_classes!, _offset, classes, done, take);
            _offset += take;
            done += take;
        }
        return (values, classes);
    }

    private void EnterNextBlock()
    {
        if (_rows is not null)
        {
            _block++;
            _offset = 0;
        }
        var seed = RowSeeds.ForBlock(_seed, _block);
        using var block = new SampleStream(_generator, _conditions, seed, unchecked((int)(RowSeeds.Derived(seed) >> 33)), _block * SampleBlocks.Rows, _repairs);
        (_rows, _classes) = block.Next(SampleBlocks.Rows);
        _generated += SampleBlocks.Rows;
    }

    public void Dispose()
    {
        _repairs.Report(_generator, _generated);
        _rows = null;
        _classes = null;
    }
}
