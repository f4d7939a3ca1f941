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
    public static CsvSchema Infer(string path, IReadOnlySet<string> forcedText)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"CSV file '{path}' does not exist.", path);
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"'{path}' is empty; a header row is expected.");
        var names = SplitLine(header);
        var integer = Enumerable.Repeat(true, names.Length).ToArray();
        var number = Enumerable.Repeat(true, names.Length).ToArray();
        var seenValue = new bool[names.Length];
        var seenEmpty = new bool[names.Length];
        var date = Enumerable.Repeat(true, names.Length).ToArray();
        var dateFormat = new string?[names.Length];
        var decimals = new int[names.Length];
        var fewestDecimals = Enumerable.Repeat(int.MaxValue, names.Length).ToArray();
        var row = 1;
        var dataRows = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            row++;
            if (line.Length == 0) continue;
            dataRows++;
            var values = SplitLine(line);
            if (values.Length != names.Length)
                throw new InvalidDataException($"'{path}' row {row} has {values.Length} fields; the header has {names.Length}.");
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
        if (dataRows == 0) throw new InvalidDataException($"'{path}' has a header but no rows.");
        return new CsvSchema(names.Select((name, c) =>
            forcedText.Contains(name) || !seenValue[c] ? new CsvColumn(name, c, CsvColumnKind.Text, 0)
            : date[c] ? new CsvColumn(name, c, CsvColumnKind.Date, 0, dateFormat[c])
            : !number[c] ? new CsvColumn(name, c, CsvColumnKind.Text, 0)
            : new CsvColumn(name, c, integer[c] && !seenEmpty[c] ? CsvColumnKind.Integer : CsvColumnKind.Number, decimals[c],
                FixedDecimals: decimals[c] > 0 && fewestDecimals[c] == decimals[c])).ToArray(), dataRows);
    }

    /// <summary>Comma-separated fields, with double-quoted fields that may contain commas and doubled quotes.</summary>
    public static string[] SplitLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
        }
        fields.Add(field.ToString());
        return fields.Select(f => f.Trim()).ToArray();
    }
}
