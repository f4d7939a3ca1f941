namespace GanEstimators;

/// <summary>
/// An option outside its range, as the option validators throw it: an <see cref="ArgumentOutOfRangeException"/> naming
/// the option, whose <see cref="Exception.Data"/> also keeps what the option must be, so the command line can state the
/// same rule in terms of its own flag instead of checking it a second time.
/// </summary>
internal static class OptionRangeError
{
    private const string ExpectedKey = "GanEstimators.Expected";

    public static ArgumentOutOfRangeException Create(string option, object? value, string message, string expected) =>
        new(option, value, message) { Data = { [ExpectedKey] = expected } };

    /// <summary>What the option must be ("positive", "in (0, 1]"), or null for an exception the validators did not make.</summary>
    public static string? ExpectedOf(ArgumentOutOfRangeException error) => error.Data[ExpectedKey] as string;
}
