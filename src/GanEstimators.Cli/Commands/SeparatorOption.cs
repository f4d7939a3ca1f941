using System.CommandLine;
using GanEstimators.Loading;

namespace GanEstimators.Cli.Commands;

/// <summary><c>--separator</c> of the commands that read CSV files: the field separator instead of the detected one.</summary>
internal static class SeparatorOption
{
    public static Option<string?> Create() =>
        new("--separator") { Description = "Field separator of the input CSV files: comma, semicolon, tab, or one character (default: detected from the header and the first rows)" };

    /// <summary>The separator <paramref name="value"/> names, or null to detect it.</summary>
    public static char? Parse(string? value) => value switch
    {
        null => null,
        "comma" => ',',
        "semicolon" => ';',
        "tab" or "\\t" => '\t',
        { Length: 1 } => CheckOne(value[0]),
        _ => throw new ArgumentException($"--separator '{value}' is not a separator; use comma, semicolon, tab or a single character such as '|'."),
    };

    private static char CheckOne(char separator)
    {
        try
        {
            return CsvSeparator.Check(separator, "--separator");
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException(error.Message.Replace(" (Parameter '--separator')", "", StringComparison.Ordinal));
        }
    }
}
