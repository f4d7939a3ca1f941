using System.Globalization;

namespace GanEstimators.Cli.Csv;

/// <summary>
/// Reads a CSV file's header and values to decide each column's kind: all values integers → Integer, all numbers
/// (or empty, read as missing) → Number, anything else → Text. Columns named in <c>forcedText</c> are Text.
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
        var decimals = new int[names.Length];
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
                if (value.Length == 0) continue;
                seenValue[c] = true;
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) { number[c] = integer[c] = false; continue; }
                if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)) integer[c] = false;
                var dot = value.IndexOf('.');
                if (dot >= 0) decimals[c] = Math.Max(decimals[c], value.Length - dot - 1);
            }
        }
        if (dataRows == 0) throw new InvalidDataException($"'{path}' has a header but no rows.");
        return new CsvSchema(names.Select((name, c) => new CsvColumn(name, c,
            forcedText.Contains(name) || !number[c] || !seenValue[c] ? CsvColumnKind.Text
            : integer[c] ? CsvColumnKind.Integer : CsvColumnKind.Number,
            decimals[c])).ToArray(), dataRows);
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
