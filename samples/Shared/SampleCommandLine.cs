using System.Globalization;

namespace GanEstimators.Samples;

/// <summary>
/// The samples' "--name value" command lines: -h/--help prints the usage; a missing value, an unknown option or a bad
/// value prints the reason and the usage to standard error and sets exit code 2. Each sample supplies its options record,
/// how one pair changes it, and its usage text.
/// </summary>
internal static class SampleCommandLine
{
    /// <summary>
    /// Applies each pair (and each value-less flag) of <paramref name="args"/> to <paramref name="defaults"/>; null, after
    /// printing why, when the program should stop. <paramref name="apply"/> returns null for an unknown name or a bad value.
    /// </summary>
    public static T? Parse<T>(string[] args, T defaults, Func<T, string, string, T?> apply, string usage,
        IReadOnlyDictionary<string, Func<T, T>>? flags = null) where T : class
    {
        var options = defaults;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help") return Stop<T>(null, usage);
            if (flags is not null && flags.TryGetValue(name, out var flag))
            {
                options = flag(options);
                continue;
            }
            if (i + 1 >= args.Length) return Stop<T>($"Missing value for {name}.", usage);
            var value = args[++i];
            var next = apply(options, name, value);
            if (next is null) return Stop<T>($"Unknown option or bad value: {name} {value}", usage);
            options = next;
        }
        return options;
    }

    /// <summary>Prints the usage (after <paramref name="error"/>, to standard error, when there is one), sets the exit code and returns null.</summary>
    public static T? Stop<T>(string? error, string usage) where T : class
    {
        if (error is not null) Console.Error.WriteLine(error);
        (error is null ? Console.Out : Console.Error).WriteLine(usage);
        Environment.ExitCode = error is null ? 0 : 2;
        return null;
    }

    /// <summary>An integer option value of at least <paramref name="minimum"/>, read the same way on every culture.</summary>
    public static bool TryInt(string value, int minimum, out int number) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out number) && number >= minimum;

    /// <summary>A finite number in [<paramref name="minimum"/>, <paramref name="maximum"/>], read the same way on every culture.</summary>
    public static bool TryDouble(string value, double minimum, double maximum, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && number >= minimum && number <= maximum;
}
