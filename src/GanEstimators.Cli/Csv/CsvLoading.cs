using GanEstimators.Loading;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Cli.Csv;

/// <summary>
/// ML.NET TextLoaders for `ganest`'s CSV columns, with the library's CSV reading options (quoted fields may hold the
/// separator, doubled quotes and line breaks; an empty number field is NaN): Integer → Int64, Number → Single,
/// Date → DateTime, Text → Text.
/// </summary>
public static class CsvLoading
{
    public static TextLoader Loader(MLContext ml, IReadOnlyList<CsvColumn> columns, char separator) =>
        ml.Data.CreateTextLoader(CsvTableScan.LoaderOptions(columns.Select(c => (c.Name, KindOf(c), c.Index)), separator));

    /// <summary>For comparing files rather than training: numbers as Double (an empty field NaN, a missing value).</summary>
    public static TextLoader ComparisonLoader(MLContext ml, IReadOnlyList<CsvColumn> columns, char separator) =>
        ml.Data.CreateTextLoader(CsvTableScan.LoaderOptions(columns.Select(c => (c.Name, KindOf(c) is DataKind.Int64 or DataKind.Single ? DataKind.Double : KindOf(c), c.Index)), separator));

    private static DataKind KindOf(CsvColumn column) => column.Kind switch
    {
        CsvColumnKind.Integer => DataKind.Int64,
        CsvColumnKind.Number => DataKind.Single,
        CsvColumnKind.Date => DataKind.DateTime,
        _ => DataKind.String,
    };
}
