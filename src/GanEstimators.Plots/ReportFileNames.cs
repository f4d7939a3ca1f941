using System.Text;

namespace GanEstimators.Plots;

/// <summary>
/// The report's file names. A column's name becomes <c>column-NAME.png</c> with every character other than ASCII
/// letters, digits, '-', '_' and '.' replaced by '_'; names that then clash (also by case, for case-insensitive file
/// systems) get -2, -3, … appended.
/// </summary>
internal sealed class ReportFileNames
{
    public const string PairTrends = "pair-trends.png";
    public const string LossCurves = "loss-curves.png";
    public const string Html = "report.html";
    private const int MaxNameLength = 80;

    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase) { PairTrends, LossCurves, Html };

    public string ForColumn(string columnName)
    {
        var stem = "column-" + Sanitise(columnName);
        var name = stem + ".png";
        for (var n = 2; !_taken.Add(name); n++) name = $"{stem}-{n}.png";
        return name;
    }

    public static string Sanitise(string columnName)
    {
        var safe = new StringBuilder();
        foreach (var c in columnName.Take(MaxNameLength))
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        var text = safe.ToString().Trim('.');
        return text.Length == 0 ? "_" : text;
    }
}
