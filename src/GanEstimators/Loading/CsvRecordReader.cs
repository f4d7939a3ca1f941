using System.Text;

namespace GanEstimators.Loading;

/// <summary>
/// Reads a CSV file record by record (RFC 4180): fields separated by <see cref="Separator"/>, a field that starts
/// with a double quote may hold separators, doubled quotes and line breaks (LF or CRLF, kept as '\n'). The file must be
/// UTF-8 (a byte-order mark is allowed); invalid bytes are an error naming the line and byte offset. Unless one is
/// given, the separator is detected from the header and the first records (<see cref="CsvSeparator.Detect"/>).
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    private const int DetectionRecords = 10;

    private readonly StreamReader _reader;
    private readonly string _path;
    private readonly string _label;
    private readonly Queue<(string Text, int Line)> _detectionRecords = new();
    private char? _separator;
    private int _line;
    private int _rawRecords;

    private CsvRecordReader(string path, string label)
    {
        _path = path;
        _label = label;
        _reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>The field separator: the one given, or the one detected.</summary>
    public char Separator => _separator ?? ',';

    /// <summary>The header's fields.</summary>
    public string[] Header { get; private set; } = Array.Empty<string>();

    /// <summary>The line the record last read starts on (1-based).</summary>
    public int RecordLine { get; private set; }

    /// <summary>The number of the record last read, the header being record 1.</summary>
    public int RecordNumber { get; private set; }

    /// <summary>
    /// Opens <paramref name="path"/> and reads its header; <paramref name="label"/> names the file in messages
    /// (e.g. "CSV file", or the command-line option it came from). A null <paramref name="separator"/> is detected.
    /// </summary>
    public static CsvRecordReader Open(string path, string label, char? separator)
    {
        var reader = new CsvRecordReader(path, label) { _separator = separator };
        try
        {
            var header = reader.ReadRaw() ?? throw new InvalidDataException($"{label} '{path}' is empty; a header row is expected.");
            if (separator is null)
            {
                for (var i = 0; i < DetectionRecords && reader.ReadRaw() is { } record; i++) reader._detectionRecords.Enqueue((record, reader.RecordLine));
                reader._separator = CsvSeparator.Detect(header, reader._detectionRecords.Select(r => r.Text).ToArray());
            }
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

    /// <summary>Whether the record last read starts with "//", which ML.NET's TextLoader skips as a comment.</summary>
    public bool StartsLikeAComment { get; private set; }

    /// <summary>The next record's fields (unquoted fields trimmed), or null at the end of the file. Empty lines are skipped.</summary>
    public string[]? Read()
    {
        while (true)
        {
            string? raw;
            if (_detectionRecords.TryDequeue(out var buffered)) (raw, RecordLine) = buffered;
            else raw = ReadRaw();
            if (raw is null) return null;
            RecordNumber++;
            if (raw.Length == 0) continue;
            StartsLikeAComment = raw.StartsWith("//", StringComparison.Ordinal);
            return Split(raw);
        }
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>One record's text, its quoted line breaks kept as '\n'; null at the end of the file.</summary>
    private string? ReadRaw()
    {
        var line = ReadLine();
        if (line is null) return null;
        _rawRecords++;
        RecordLine = _line;
        var state = new QuoteState();
        state.Scan(line, _separator);
        if (!state.Quoted) return line;
        var record = new StringBuilder(line);
        do
        {
            var next = ReadLine() ?? throw new InvalidDataException(
                $"{_label} '{_path}' {Where(_rawRecords, RecordLine)}: a quoted field is never closed; close it with a double quote (a quote inside a quoted field is written twice: \"\").");
            record.Append('\n').Append(next);
            state.Scan("\n", _separator);
            state.Scan(next, _separator);
        }
        while (state.Quoted);
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
            throw new InvalidDataException($"{_label} '{_path}' is not UTF-8: {Utf8Check.DescribeFirstInvalidBytes(_path)}; save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`).");
        }
    }

    /// <summary>
    /// Whether the text scanned so far ends inside a quoted field. A quote opens a quoted field only at the start of a
    /// field (after spaces); before the separator is known, any candidate separator starts a field.
    /// </summary>
    private struct QuoteState
    {
        private bool _fieldStarted;
        private bool _pendingQuote;

        public bool Quoted { get; private set; }

        public void Scan(string text, char? separator)
        {
            foreach (var ch in text)
            {
                if (Quoted)
                {
                    if (_pendingQuote)
                    {
                        _pendingQuote = false;
                        if (ch == '"') continue;   // a doubled quote inside the field
                        Quoted = false;            // the previous quote closed the field; read ch outside it
                    }
                    else
                    {
                        if (ch == '"') _pendingQuote = true;
                        continue;
                    }
                }
                if (ch == '"' && !_fieldStarted) { Quoted = true; _fieldStarted = true; }
                else if (separator is { } known ? ch == known : CsvSeparator.IsCandidate(ch)) _fieldStarted = false;
                else if (!char.IsWhiteSpace(ch)) _fieldStarted = true;
            }
            // A quote at the very end of the text closes the field unless the next text starts with another quote;
            // records are scanned line by line, so a line ending in a closing quote ends the field.
            if (_pendingQuote && text != "\n") { _pendingQuote = false; Quoted = false; }
        }
    }

    /// <summary>
    /// Splits one record. A field that starts with a quote (after spaces) is unquoted, its doubled quotes undoubled and
    /// its content kept as written (spaces and line breaks included); an unquoted field is trimmed.
    /// </summary>
    private string[] Split(string record)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var afterQuote = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        void EndField()
        {
            fields.Add(wasQuoted ? field.ToString() + afterQuote.ToString().Trim() : field.ToString().Trim());
            field.Clear();
            afterQuote.Clear();
            wasQuoted = false;
        }
        for (var i = 0; i < record.Length; i++)
        {
            var ch = record[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < record.Length && record[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == Separator) EndField();
            else if (wasQuoted) afterQuote.Append(ch);
            else if (ch == '"' && field.ToString().Trim().Length == 0) { field.Clear(); quoted = wasQuoted = true; }
            else field.Append(ch);
        }
        EndField();
        return fields.ToArray();
    }

    /// <summary>"row N", with the line it starts on when quoted line breaks make the two differ.</summary>
    public static string Where(int row, int line) => row == line ? $"row {row}" : $"row {row} (line {line})";
}
