using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Cli.Csv;

/// <summary>
/// Builds an ML.NET TextLoader for inferred CSV columns: Integer → Int64, Number → Single (an empty field is NaN,
/// i.e. missing), Date → DateTime, Text → Text. Quoted fields may hold the separator, doubled quotes and line breaks.
/// </summary>
public static class CsvLoading
{
    public static TextLoader Loader(MLContext ml, IReadOnlyList<CsvColumn> columns, char separator) =>
        ml.Data.CreateTextLoader(new TextLoader.Options
        {
            Columns = columns.Select(c => new TextLoader.Column(c.Name, KindOf(c), c.Index)).ToArray(),
            Separators = new[] { separator },
            HasHeader = true,
            AllowQuoting = true,
            ReadMultilines = true,
            TrimWhitespace = true,
            MissingRealsAsNaNs = true,
        });

    /// <summary>
    /// For comparing files rather than training: numbers as Double, and an empty number field as NaN (missing)
    /// instead of TextLoader's default 0.
    /// </summary>
    public static TextLoader ComparisonLoader(MLContext ml, IReadOnlyList<CsvColumn> columns, char separator) =>
        ml.Data.CreateTextLoader(new TextLoader.Options
        {
            Columns = columns.Select(c => new TextLoader.Column(c.Name, KindOf(c) is DataKind.Int64 or DataKind.Single ? DataKind.Double : KindOf(c), c.Index)).ToArray(),
            Separators = new[] { separator },
            HasHeader = true,
            AllowQuoting = true,
            ReadMultilines = true,
            TrimWhitespace = true,
            MissingRealsAsNaNs = true,
        });

    private static DataKind KindOf(CsvColumn column) => column.Kind switch
    {
        CsvColumnKind.Integer => DataKind.Int64,
        CsvColumnKind.Number => DataKind.Single,
        CsvColumnKind.Date => DataKind.DateTime,
        _ => DataKind.String,
    };
}
