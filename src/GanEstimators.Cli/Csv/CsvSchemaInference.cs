using System.Globalization;

namespace GanEstimators.Cli.Csv;

/// <summary>
/// Reads a CSV file's header and values to decide each column's kind: all values integers → Integer (Number when some
/// are empty, so they can be missing), all numbers → Number, all ISO dates (<c>yyyy-MM-dd</c>, optionally with
/// <c>THH:mm[:ss]</c>) → Date, anything else → Text. Empty fields are missing values. Columns named in
/// <c>forcedText</c> are Text (categorical).
/// </summary>
public static class CsvSchemaInference
{
    /// <summary>
    /// Reads every record of <paramref name="path"/> (named <paramref name="option"/> in messages), so a file that is
    /// not UTF-8, has an unclosed quote or a row with the wrong number of fields is refused before any work starts.
    /// </summary>
    public static CsvSchema Infer(string path, string option, IReadOnlySet<string> forcedText)
    {
        Files.InputFile.CheckExists(path, option, "a CSV file with a header row");
        using var reader = CsvRecordReader.Open(path, option);
        var names = reader.Header;
        CheckHeader(path, option, names);
        var integer = Enumerable.Repeat(true, names.Length).ToArray();
        var number = Enumerable.Repeat(true, names.Length).ToArray();
        var seenValue = new bool[names.Length];
        var seenEmpty = new bool[names.Length];
        var date = Enumerable.Repeat(true, names.Length).ToArray();
        var dateFormat = new string?[names.Length];
        var decimals = new int[names.Length];
        var fewestDecimals = Enumerable.Repeat(int.MaxValue, names.Length).ToArray();
        var dataRows = 0;
        for (var values = reader.Read(); values is not null; values = reader.Read())
        {
            dataRows++;
            if (values.Length != names.Length)
                throw new InvalidDataException($"{option} '{path}' {CsvRecordReader.Where(reader.RecordNumber, reader.RecordLine)} has {values.Length} fields; " +
                    $"the header has {names.Length} ({CsvRecordReader.NameOf(reader.Separator)}-separated).");
            for (var c = 0; c < names.Length; c++)
            {
                var value = values[c];
                if (value.Length == 0) { seenEmpty[c] = true; continue; }
                seenValue[c] = true;
                if (date[c])
                {
                    var format = IsoDates.FormatOf(value);
                    if (format is null) date[c] = false;
                    else if (dateFormat[c] is null || format.Length > dateFormat[c]!.Length) dateFormat[c] = format;
                }
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) { number[c] = integer[c] = false; continue; }
                if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)) integer[c] = false;
                var dot = value.IndexOf('.');
                var places = dot >= 0 ? value.Length - dot - 1 : 0;
                decimals[c] = Math.Max(decimals[c], places);
                fewestDecimals[c] = Math.Min(fewestDecimals[c], places);
            }
        }
        if (dataRows == 0) throw new InvalidDataException($"{option} '{path}' has a header but no rows.");
        return new CsvSchema(names.Select((name, c) =>
            forcedText.Contains(name) || !seenValue[c] ? new CsvColumn(name, c, CsvColumnKind.Text, 0)
            : date[c] ? new CsvColumn(name, c, CsvColumnKind.Date, 0, dateFormat[c])
            : !number[c] ? new CsvColumn(name, c, CsvColumnKind.Text, 0)
            : new CsvColumn(name, c, integer[c] && !seenEmpty[c] ? CsvColumnKind.Integer : CsvColumnKind.Number, decimals[c],
                FixedDecimals: decimals[c] > 0 && fewestDecimals[c] == decimals[c])).ToArray(), dataRows, reader.Separator);
    }

    private static void CheckHeader(string path, string option, string[] names)
    {
        var seen = new HashSet<string>();
        for (var c = 0; c < names.Length; c++)
        {
            if (names[c].Length == 0)
                throw new InvalidDataException($"{option} '{path}': header field {c + 1} is empty; every column needs a name.");
            if (!seen.Add(names[c]))
                throw new InvalidDataException($"{option} '{path}': the header names column '{names[c]}' twice.");
        }
    }
}
