namespace GanEstimators.Loading;

/// <summary>The field separators a CSV file may use, how one is detected, and their names for messages.</summary>
internal static class CsvSeparator
{
    /// <summary>The separators detection chooses from, in the order that breaks ties: comma, semicolon, tab.</summary>
    public static readonly IReadOnlyList<char> Candidates = new[] { ',', ';', '\t' };

    public static bool IsCandidate(char ch) => ch is ',' or ';' or '\t';

    /// <summary>
    /// The candidate that splits the header into the most fields and every one of <paramref name="firstRecords"/> into
    /// as many (so "a;b" over "1,5;2,5" is semicolon-separated); when none is consistent, the one the header holds
    /// most often; a comma when the header holds none (a single column).
    /// </summary>
    public static char Detect(string header, IReadOnlyList<string> firstRecords)
    {
        char? consistent = null, mostInHeader = null;
        int consistentCount = 0, headerCount = 0;
        foreach (var candidate in Candidates)
        {
            var count = CountOutsideQuotes(header, candidate);
            if (count == 0) continue;
            if (count > headerCount) (mostInHeader, headerCount) = (candidate, count);
            if (count > consistentCount && firstRecords.Where(r => r.Length > 0).All(r => CountOutsideQuotes(r, candidate) == count))
                (consistent, consistentCount) = (candidate, count);
        }
        return consistent ?? mostInHeader ?? ',';
    }

    /// <summary>A separator given by the user, checked: a quote or a line break cannot separate fields.</summary>
    public static char Check(char separator, string optionName) =>
        separator is '"' or '\n' or '\r'
            ? throw new ArgumentException($"{optionName} cannot be {Name(separator)}: it separates fields, and quotes and line breaks already mean something in CSV. Use a comma, semicolon or tab.", optionName)
            : separator;

    /// <summary>The separator's name for messages.</summary>
    public static string Name(char separator) => separator switch
    {
        ',' => "comma", ';' => "semicolon", '\t' => "tab", '"' => "a double quote", '\n' or '\r' => "a line break", _ => $"'{separator}'",
    };

    private static int CountOutsideQuotes(string text, char separator)
    {
        var count = 0;
        var quoted = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch != '"') continue;
                if (i + 1 < text.Length && text[i + 1] == '"') i++;
                else quoted = false;
            }
            else if (ch == '"' && !fieldStarted) quoted = fieldStarted = true;
            else if (ch == separator) { count++; fieldStarted = false; }
            else if (!char.IsWhiteSpace(ch)) fieldStarted = true;
        }
        return count;
    }
}
