using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Cli.Csv;

/// <summary>Builds an ML.NET TextLoader for inferred CSV columns: Integer → Int32/Int64, Number → Single, Text → Text.</summary>
public static class CsvLoading
{
    public static TextLoader Loader(MLContext ml, IReadOnlyList<CsvColumn> columns) =>
        ml.Data.CreateTextLoader(
            columns.Select(c => new TextLoader.Column(c.Name, KindOf(c), c.Index)).ToArray(),
            separatorChar: ',', hasHeader: true, allowQuoting: true, trimWhitespace: true);

    private static DataKind KindOf(CsvColumn column) => column.Kind switch
    {
        CsvColumnKind.Integer => DataKind.Int64,
        CsvColumnKind.Number => DataKind.Single,
        _ => DataKind.String,
    };
}
