using System.Text;

namespace GanEstimators.Cli.Csv;

/// <summary>
/// Reads a CSV file record by record (RFC 4180): fields separated by <see cref="Separator"/>, a field that starts
/// with a double quote may hold separators, doubled quotes and line breaks. The file must be UTF-8 (a byte-order mark
/// is allowed); invalid bytes are an error naming the line and byte offset. The separator is detected from the header:
/// whichever of comma, semicolon and tab appears most often in it outside quotes (a comma when none does).
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    private static readonly char[] Candidates = { ',', ';', '\t' };

    private readonly StreamReader _reader;
    private readonly string _path;
    private readonly string _option;
    private int _line;

    private CsvRecordReader(string path, string option)
    {
        _path = path;
        _option = option;
        _reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>The field separator detected from the header.</summary>
    public char Separator { get; private set; } = ',';

    /// <summary>The header's fields.</summary>
    public string[] Header { get; private set; } = Array.Empty<string>();

    /// <summary>The line the record last read starts on (1-based).</summary>
    public int RecordLine { get; private set; }

    /// <summary>The number of the record last read, the header being record 1.</summary>
    public int RecordNumber { get; private set; }

    /// <summary>Opens <paramref name="path"/> and reads its header; <paramref name="option"/> names it in messages.</summary>
    public static CsvRecordReader Open(string path, string option)
    {
        var reader = new CsvRecordReader(path, option);
        try
        {
            var header = reader.ReadRaw() ?? throw new InvalidDataException($"{option} '{path}' is empty; a header row is expected.");
            reader.Separator = DetectSeparator(header);
            reader.Header = reader.Split(header);
            reader.RecordNumber = 1;
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The next record's fields (trimmed), or null at the end of the file. Empty lines are skipped.</summary>
    public string[]? Read()
    {
        while (true)
        {
            var raw = ReadRaw();
            if (raw is null) return null;
            RecordNumber++;
            if (raw.Length > 0) return Split(raw);
        }
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>One record's text, its quoted line breaks kept as '\n'; null at the end of the file.</summary>
    private string? ReadRaw()
    {
        var line = ReadLine();
        if (line is null) return null;
        RecordLine = _line;
        if (!OpensQuote(line)) return line;
        var record = new StringBuilder(line);
        do
        {
            var next = ReadLine() ?? throw new InvalidDataException(
                $"{_option} '{_path}' {Where(RecordNumber + 1, RecordLine)}: a quoted field is never closed; close it with a double quote (a quote inside a quoted field is written twice: \"\").");
            record.Append('\n').Append(next);
        }
        while (OpensQuote(record.ToString()));
        return record.ToString();
    }

    private string? ReadLine()
    {
        try
        {
            var line = _reader.ReadLine();
            if (line is not null) _line++;
            return line;
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException($"{_option} '{_path}' is not UTF-8: {Utf8Check.DescribeFirstInvalidBytes(_path)}; save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`).");
        }
    }

    /// <summary>Whether <paramref name="text"/> ends inside a quoted field.</summary>
    private bool OpensQuote(string text)
    {
        var quoted = false;
        var fieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch != '"') continue;
                if (i + 1 < text.Length && text[i + 1] == '"') i++;
                else quoted = false;
            }
            else if (ch == '"' && fieldStart) { quoted = true; fieldStart = false; }
            else if (IsSeparator(ch)) fieldStart = true;
            else if (!char.IsWhiteSpace(ch)) fieldStart = false;
        }
        return quoted;
    }

    // Before the separator is known (the header), any candidate separates fields for quote tracking.
    private bool IsSeparator(char ch) => RecordNumber == 0 ? Array.IndexOf(Candidates, ch) >= 0 : ch == Separator;

    /// <summary>Splits one record: a field that starts with a quote (after spaces) is unquoted, doubled quotes undoubled.</summary>
    private string[] Split(string record)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < record.Length; i++)
        {
            var ch = record[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < record.Length && record[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"' && !wasQuoted && field.ToString().Trim().Length == 0) { field.Clear(); quoted = wasQuoted = true; }
            else if (ch == Separator) { fields.Add(field.ToString()); field.Clear(); wasQuoted = false; }
            else field.Append(ch);
        }
        fields.Add(field.ToString());
        return fields.Select(f => f.Trim()).ToArray();
    }

    private static char DetectSeparator(string header)
    {
        var counts = new int[Candidates.Length];
        var quoted = false;
        foreach (var ch in header)
        {
            if (ch == '"') quoted = !quoted;
            else if (!quoted && Array.IndexOf(Candidates, ch) is var c and >= 0) counts[c]++;
        }
        var best = 0;
        for (var c = 1; c < Candidates.Length; c++) if (counts[c] > counts[best]) best = c;
        return Candidates[best];
    }

    /// <summary>"row N", with the line it starts on when quoted line breaks make the two differ.</summary>
    public static string Where(int row, int line) => row == line ? $"row {row}" : $"row {row} (line {line})";

    /// <summary>The separator's name for messages.</summary>
    public static string NameOf(char separator) => separator switch { ',' => "comma", ';' => "semicolon", '\t' => "tab", _ => $"'{separator}'" };
}
