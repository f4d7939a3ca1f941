using Microsoft.ML;

namespace GanEstimators.Parquet;

/// <summary>
/// Parquet files for <see cref="MLContext.Data"/>: <c>ml.Data.LoadFromParquet(path)</c> and
/// <c>ml.Data.SaveAsParquet(data, path)</c>, beside ML.NET's <c>LoadFromTextFile</c> and <c>SaveAsText</c>.
/// </summary>
/// <remarks>
/// Types, read: booleans, integers (8 to 64 bits, signed or not), float, double, decimal (as Double), dates and
/// timestamps (as DateTime) and strings (as Text). Nulls become the library's missing values: NaN, <c>default(DateTime)</c>,
/// empty text. ML.NET has no missing integer or boolean, so an integer column that holds a null is read as Double (NaN
/// for the nulls) and a boolean column that holds one as the text "True"/"False" (empty for the nulls); without nulls
/// they keep their types. Lists and nested columns are refused by name.
/// Types, written: the same scalar types; Single and Double NaN, <c>default(DateTime)</c> and empty text are written as
/// nulls; dates as timestamps (microseconds, not adjusted to UTC); integers and booleans as required columns.
/// </remarks>
public static class ParquetDataOperations
{
    /// <summary>
    /// Reads a Parquet file, or every <c>*.parquet</c> file of a directory (in name order, numbers compared as numbers,
    /// as parts of one table with the same columns; names starting with '.' or '_' are skipped), as an <see cref="IDataView"/>. The footers are read now (and integer and boolean
    /// columns that allow nulls are scanned for them); rows are read one row group at a time as a cursor reaches them.
    /// </summary>
    /// <exception cref="FileNotFoundException">The path is neither a file nor a directory, or the directory has no parts.</exception>
    /// <exception cref="InvalidDataException">A file is not Parquet, or the parts have different columns.</exception>
    /// <exception cref="NotSupportedException">A column's type cannot be read (named in the message).</exception>
    public static IDataView LoadFromParquet(this DataOperationsCatalog catalog, string path)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ParquetDataView(path);
    }

    /// <summary>
    /// Writes every visible column of <paramref name="data"/> to one Parquet file, streaming it from one cursor in row
    /// groups of <see cref="ParquetSaveOptions.RowGroupRows"/> rows (the memory it holds). The file is written under a
    /// temporary name beside <paramref name="path"/> and moved into place when complete, replacing any file there; a
    /// failure leaves no file behind. Returns the number of rows written.
    /// </summary>
    /// <exception cref="NotSupportedException">A column's type cannot be written (named in the message); nothing is written.</exception>
    public static long SaveAsParquet(this DataOperationsCatalog catalog, IDataView data, string path, ParquetSaveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        options = (options ?? new ParquetSaveOptions()).Validated();
        ParquetRowWriter.Writers(data.Schema);
        return AtomicOutput.File(path, stream =>
        {
            using var writer = new ParquetRowWriter(data, options);
            return writer.WritePart(stream, long.MaxValue);
        });
    }

    /// <summary>
    /// Writes <paramref name="data"/> to a stream as one Parquet file (for a caller that manages its own storage).
    /// Returns the number of rows written. If reading <paramref name="data"/> or writing fails, the exception is
    /// rethrown and the stream is left without the file's footer, so no Parquet reader takes what was written for a
    /// whole file.
    /// </summary>
    public static long SaveAsParquet(this DataOperationsCatalog catalog, IDataView data, Stream stream, ParquetSaveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(stream);
        options = (options ?? new ParquetSaveOptions()).Validated();
        using var writer = new ParquetRowWriter(data, options);
        return writer.WritePart(stream, long.MaxValue);
    }

    /// <summary>
    /// Writes <paramref name="data"/> as a directory of Parquet parts of at most <paramref name="rowsPerPart"/> rows
    /// each, named <c>part-00000.parquet</c>, <c>part-00001.parquet</c>, … (their name order is row order; an empty
    /// view gives one empty part). <see cref="LoadFromParquet"/> reads the directory back as one table. The directory
    /// is written under a temporary name and moved into place when complete; an existing directory there must be
    /// empty. Returns the number of rows written.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowsPerPart"/> is below 1.</exception>
    /// <exception cref="IOException">The path is a file, or a directory that is not empty.</exception>
    public static long SaveAsParquetParts(this DataOperationsCatalog catalog, IDataView data, string directory, long rowsPerPart, ParquetSaveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        if (rowsPerPart < 1) throw new ArgumentOutOfRangeException(nameof(rowsPerPart), rowsPerPart, "Each Parquet part must hold at least one row.");
        options = (options ?? new ParquetSaveOptions()).Validated();
        ParquetRowWriter.Writers(data.Schema);
        return AtomicOutput.Directory(directory, temporary =>
        {
            using var writer = new ParquetRowWriter(data, options);
            long rows = 0;
            var part = 0;
            do
            {
                using var stream = new FileStream(Path.Combine(temporary, ParquetParts.Name(part++)), FileMode.CreateNew, FileAccess.Write);
                rows += writer.WritePart(stream, rowsPerPart);
                stream.Flush(flushToDisk: true);   // every part on disk before the directory is renamed into place
            }
            while (writer.HasMoreRows);
            return rows;
        });
    }
}
