using GanEstimators.Loading;

namespace GanEstimators.Cli.Csv;

/// <summary>
/// The CSV columns `ganest` trains on and writes back, from the library's one pass over the file (the same reading and
/// type rules as <c>mlContext.Gan().InferColumns</c>): whole numbers → Integer, numbers → Number, ISO dates → Date,
/// anything else, true/false included, → Text; empty fields are missing values; columns in <c>forcedText</c> are Text.
/// The library's ID and few-levels rules are not applied here: `ganest` trains on every column it is not told to
/// --ignore, as before.
/// </summary>
public static class CsvSchemaInference
{
    /// <summary>
    /// Reads every record of <paramref name="path"/> (named <paramref name="option"/> in messages), so a file that is
    /// not UTF-8, has an unclosed quote or a row with the wrong number of fields is refused before any work starts.
    /// A null <paramref name="separator"/> is detected from the header and the first records.
    /// </summary>
    public static CsvSchema Infer(string path, string option, IReadOnlySet<string> forcedText, char? separator = null)
    {
        Files.InputFile.CheckExists(path, option, "a CSV file with a header row");
        var scan = CsvTableScan.Read(path, option, separator, forcedText, countDistinct: false);
        return new CsvSchema(scan.Columns.Select(ColumnOf).ToArray(), scan.Rows, scan.Separator);
    }

    private static CsvColumn ColumnOf(CsvColumnFacts facts) => facts.Kind switch
    {
        GanColumnKind.WholeNumber => new CsvColumn(facts.Name, facts.Index, CsvColumnKind.Integer, facts.Decimals),
        GanColumnKind.Number => new CsvColumn(facts.Name, facts.Index, CsvColumnKind.Number, facts.Decimals, FixedDecimals: facts.FixedDecimals),
        GanColumnKind.Date => new CsvColumn(facts.Name, facts.Index, CsvColumnKind.Date, 0, facts.DateFormat),
        _ => new CsvColumn(facts.Name, facts.Index, CsvColumnKind.Text, 0),
    };
}
