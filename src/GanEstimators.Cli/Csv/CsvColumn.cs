namespace GanEstimators.Cli.Csv;

/// <summary>How a CSV column is read: a number (integer or not) or text.</summary>
public enum CsvColumnKind { Integer, Number, Text }

/// <summary>One CSV column: its header name, inferred kind, and how many decimals its numbers were written with.</summary>
public sealed record CsvColumn(string Name, int Index, CsvColumnKind Kind, int Decimals);

/// <summary>A CSV file's columns as inferred from its values, and how many non-empty data rows it has.</summary>
public sealed record CsvSchema(IReadOnlyList<CsvColumn> Columns, int Rows);
