using Microsoft.ML.Data;

namespace GanEstimators.Loading;

/// <summary>A CSV file read once through: its columns' facts, its number of data rows and its separator.</summary>
internal sealed record CsvTableScan(IReadOnlyList<CsvColumnFacts> Columns, long Rows, char Separator)
{
    /// <summary>
    /// Reads every record of <paramref name="path"/> (named "<paramref name="label"/> 'path'" in messages), so a file
    /// that is not UTF-8, has an unclosed quote, a row with the wrong number of fields, an empty or repeated header
    /// name, or no rows is refused before any work starts. Columns named in <paramref name="readAsText"/> are Text.
    /// <paramref name="countDistinct"/> counts the distinct values of whole-number and text columns (for the ID and
    /// few-levels rules), at a memory cost of up to a million values per column.
    /// </summary>
    public static CsvTableScan Read(string path, string label, char? separator, IReadOnlySet<string> readAsText, bool countDistinct)
    {
        using var reader = CsvRecordReader.Open(path, label, separator);
        var names = reader.Header;
        CheckHeader(path, label, names);
        var columns = names.Select((name, c) => new CsvColumnFacts(name, c, readAsText.Contains(name), countDistinct)).ToArray();
        var rows = 0L;
        for (var values = reader.Read(); values is not null; values = reader.Read())
        {
            rows++;
            if (values.Length != names.Length)
                throw new InvalidDataException($"{label} '{path}' {CsvRecordReader.Where(reader.RecordNumber, reader.RecordLine)} has {values.Length} fields; " +
                    $"the header has {names.Length} ({CsvSeparator.Name(reader.Separator)}-separated).");
            if (reader.StartsLikeAComment)
                throw new InvalidDataException($"{label} '{path}' {CsvRecordReader.Where(reader.RecordNumber, reader.RecordLine)} starts with \"//\", which ML.NET's TextLoader skips as a comment line; " +
                    "put the first field in double quotes (\"//…\").");
            for (var c = 0; c < columns.Length; c++) columns[c].Add(values[c]);
        }
        if (rows == 0) throw new InvalidDataException($"{label} '{path}' has a header but no rows.");
        return new CsvTableScan(columns, rows, reader.Separator);
    }

    /// <summary>
    /// TextLoader options for reading the given columns of such a file (RFC 4180: quoted fields may hold the separator,
    /// doubled quotes and line breaks; an empty number field is NaN, a missing value; fields are trimmed).
    /// </summary>
    public static TextLoader.Options LoaderOptions(IEnumerable<(string Name, DataKind Kind, int Index)> columns, char separator) => new()
    {
        Columns = columns.Select(c => new TextLoader.Column(c.Name, c.Kind, c.Index)).ToArray(),
        Separators = new[] { separator },
        HasHeader = true,
        AllowQuoting = true,
        ReadMultilines = true,
        TrimWhitespace = true,
        MissingRealsAsNaNs = true,
    };

    /// <summary>How a column of this kind is loaded: Integer → Int64, Number → Single, Date → DateTime, else text.</summary>
    public static DataKind DataKindOf(GanColumnKind kind) => kind switch
    {
        GanColumnKind.WholeNumber => DataKind.Int64,
        GanColumnKind.Number => DataKind.Single,
        GanColumnKind.Date => DataKind.DateTime,
        _ => DataKind.String,
    };

    private static void CheckHeader(string path, string label, string[] names)
    {
        var seen = new HashSet<string>();
        for (var c = 0; c < names.Length; c++)
        {
            if (names[c].Length == 0)
                throw new InvalidDataException($"{label} '{path}': header field {c + 1} is empty; every column needs a name.");
            if (!seen.Add(names[c]))
                throw new InvalidDataException($"{label} '{path}': the header names column '{names[c]}' twice.");
        }
    }
}
