using System.Globalization;
using System.Text.RegularExpressions;

namespace GanEstimators.Loading;

/// <summary>The ISO date forms the CSV tools recognise, and the .NET format that writes each back the same way.</summary>
internal static partial class IsoDates
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?<time>[T ]\d{2}:\d{2}(?<seconds>:\d{2})?)?$")]
    private static partial Regex Pattern();

    /// <summary>Every format <see cref="FormatOf"/> returns.</summary>
    public static readonly IReadOnlyList<string> Formats = new[]
    {
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
    };

    /// <summary>The format of <paramref name="value"/> when it is an ISO date or date-time, else null.</summary>
    public static string? FormatOf(string value)
    {
        var match = Pattern().Match(value);
        if (!match.Success) return null;
        var format = "yyyy-MM-dd";
        if (match.Groups["time"].Success) format += (value[10] == 'T' ? "'T'" : " ") + "HH:mm" + (match.Groups["seconds"].Success ? ":ss" : "");
        return DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? format : null;
    }
}
