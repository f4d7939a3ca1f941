namespace GanEstimators.Parquet;

/// <summary>How <see cref="ParquetDataOperations.SaveAsParquet(Microsoft.ML.DataOperationsCatalog, Microsoft.ML.IDataView, string, ParquetSaveOptions?)"/> writes.</summary>
public sealed class ParquetSaveOptions
{
    /// <summary>The largest row group allowed.</summary>
    public const int MaximumRowGroupRows = 16 * 1024 * 1024;

    /// <summary>
    /// Rows per row group (default 65,536). One row group of every column is held in memory while it is written, so
    /// this bounds the writer's memory; larger groups compress a little better and are read with fewer seeks.
    /// </summary>
    public int RowGroupRows { get; set; } = 65_536;

    internal ParquetSaveOptions Validated()
    {
        if (RowGroupRows is < 1 or > MaximumRowGroupRows)
            throw new ArgumentOutOfRangeException(nameof(RowGroupRows), RowGroupRows, $"ParquetSaveOptions.RowGroupRows must be 1 to {MaximumRowGroupRows}.");
        return this;
    }
}
