namespace GanEstimators.Cli.Commands;

/// <summary>
/// Runs the library's own check of the options a command built, so each rule is written once, in the library. An
/// option outside its range is reported by the flag that set it ("--average must be …; got 1.") instead of by the
/// library's property name; any other failure keeps the library's message.
/// </summary>
internal static class LibraryChecks
{
    public static void Run(Action check, params (string Option, string Flag)[] flags)
    {
        try
        {
            check();
        }
        catch (ArgumentOutOfRangeException error) when (FlagOf(error, flags) is { } flag && OptionRangeError.ExpectedOf(error) is { } expected)
        {
            throw new ArgumentException($"{flag} must be {expected}; got {error.ActualValue}.", error);
        }
    }

    private static string? FlagOf(ArgumentOutOfRangeException error, (string Option, string Flag)[] flags) =>
        flags.FirstOrDefault(f => f.Option == error.ParamName).Flag;
}
