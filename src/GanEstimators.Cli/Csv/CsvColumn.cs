namespace GanEstimators.Cli.Csv;

/// <summary>How a CSV column is read: a whole number, a number, an ISO date (and time), or text (categorical).</summary>
public enum CsvColumnKind { Integer, Number, Text, Date }

/// <summary>
/// One CSV column: its header name, inferred kind, how many decimals its numbers were written with (at most; all of
/// them with exactly that many when <paramref name="FixedDecimals"/>, as in <c>0.0, 10.9</c>), and for dates the format
/// they were written in (e.g. <c>yyyy-MM-dd</c> or <c>yyyy-MM-ddTHH:mm</c>).
/// </summary>
public sealed record CsvColumn(string Name, int Index, CsvColumnKind Kind, int Decimals, string? DateFormat = null, bool FixedDecimals = false);

/// <summary>A CSV file's columns as inferred from its values, how many non-empty data rows it has, and its field separator.</summary>
public sealed record CsvSchema(IReadOnlyList<CsvColumn> Columns, long Rows, char Separator);
