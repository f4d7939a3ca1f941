using GanEstimators.Cli.Csv;
using GanEstimators.Cli.Files;
using Microsoft.ML;

namespace GanEstimators.Cli.Commands;

/// <summary>
/// The real, synthetic and held-out tables of <c>ganest evaluate</c> and <c>ganest report</c> (CSV or Parquet), every
/// one read with the real file's column kinds, so a column is compared and drawn as the same kind everywhere.
/// </summary>
internal static class ComparisonTables
{
    public static (IDataView Real, IDataView Synthetic, IDataView? Test) Load(MLContext ml, string realPath, string syntheticPath, string? testPath, string? label, char? separatorGiven)
    {
        var realParquet = DataFile.IsParquet(realPath) ? ParquetTable.Load(realPath, "--real") : null;
        var (columns, _, separator) = realParquet is null ? CsvSchemaInference.Infer(realPath, "--real", new HashSet<string>(), separatorGiven) : ParquetTable.Describe(realParquet);
        if (label is not null && columns.All(c => c.Name != label)) throw new ArgumentException($"--label: column '{label}' is not in the header of '{realPath}'.");
        // A class column of whole numbers (0/1) is a category here, in every table: read as text, not as a number.
        columns = columns.Select(c => c.Name == label ? c with { Kind = CsvColumnKind.Text } : c).ToArray();
        var real = realParquet is null ? CsvLoading.ComparisonLoader(ml, columns, separator).Load(realPath) : ParquetTable.ForComparison(realParquet, columns, "--real", realPath);
        // --synthetic is detected: `ganest sample` writes commas whatever the real file's separator.
        var synthetic = Other(ml, columns, syntheticPath, "--synthetic", separatorGiven: null);
        var test = testPath is null ? null : Other(ml, columns, testPath, "--test", separatorGiven);
        return (real, synthetic, test);
    }

    /// <summary>Loads another table with the real file's column kinds, finding each column by its header name.</summary>
    private static IDataView Other(MLContext ml, IReadOnlyList<CsvColumn> realColumns, string path, string option, char? separatorGiven)
    {
        if (DataFile.IsParquet(path)) return ParquetTable.ForComparison(ParquetTable.Load(path, option), realColumns, option, path);
        var (fileColumns, _, separator) = CsvSchemaInference.Infer(path, option, new HashSet<string>(), separatorGiven);
        var columns = realColumns.Select(c => c with
        {
            Index = fileColumns.FirstOrDefault(f => f.Name == c.Name)?.Index
                ?? throw new ArgumentException($"Column '{c.Name}' of the real CSV is not in the header of {option} '{path}'."),
        }).ToArray();
        return CsvLoading.ComparisonLoader(ml, columns, separator).Load(path);
    }
}
