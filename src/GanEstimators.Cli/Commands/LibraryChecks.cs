namespace GanEstimators.Cli.Commands;

/// <summary>
/// Runs the library's own check of the options a command built, so each rule is written once, in the library. An
/// option outside its range is reported by the flag that set it ("--average must be …; got 1.") instead of by the
/// library's property name, a broken rule between options in the command's own words; any other failure keeps the
/// library's message, with an option it names ("AugmentationEvaluationOptions.Ratios") given as its flag.
/// </summary>
internal static class LibraryChecks
{
    /// <param name="flags">The flag that sets each option, for range failures.</param>
    /// <param name="rules">The command's own wording of each rule between options (<see cref="OptionRuleError"/>).</param>
    public static void Run(Action check, (string Option, string Flag)[] flags, params (string Rule, string Message)[] rules)
    {
        try
        {
            check();
        }
        catch (ArgumentOutOfRangeException error) when (FlagOf(error, flags) is { } flag && OptionRangeError.ExpectedOf(error) is { } expected)
        {
            throw new ArgumentException($"{flag} must be {expected}; got {error.ActualValue}.", error);
        }
        catch (ArgumentException error) when (OptionRuleError.RuleOf(error) is { } rule && rules.FirstOrDefault(r => r.Rule == rule).Message is { } message)
        {
            throw new ArgumentException(message, error);
        }
        catch (ArgumentException error) when (error is not ArgumentOutOfRangeException && WithFlags(error, flags) is { } message)
        {
            throw new ArgumentException(message, error);
        }
    }

    /// <summary>The message with "SomeOptions.Property" replaced by the property's flag, without the "(Parameter …)" suffix; null when it names none.</summary>
    private static string? WithFlags(ArgumentException error, (string Option, string Flag)[] flags)
    {
        var message = error.ParamName is null ? error.Message : error.Message.Replace($" (Parameter '{error.ParamName}')", "", StringComparison.Ordinal);
        var renamed = System.Text.RegularExpressions.Regex.Replace(message, @"\b\w+Options\.(\w+)\b",
            match => flags.FirstOrDefault(f => f.Option == match.Groups[1].Value).Flag ?? match.Value);
        return renamed == message ? null : renamed;
    }

    private static string? FlagOf(ArgumentOutOfRangeException error, (string Option, string Flag)[] flags) =>
        flags.FirstOrDefault(f => f.Option == error.ParamName).Flag;
}
