namespace GanEstimators.Sampling;

/// <summary>A sample's rows in order, handed out a chunk at a time by a cursor.</summary>
internal interface ISyntheticRowStream : IDisposable
{
    /// <summary>The next <paramref name="rows"/> rows (raw values, row-major) and their classes (null for an unconditional GAN).</summary>
    (float[] Rows, int[]? Classes) Next(int rows);
}
