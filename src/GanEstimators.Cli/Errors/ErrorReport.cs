using System.Reflection;
using System.Text.Json;

namespace GanEstimators.Cli.Errors;

/// <summary>
/// The last line of defence: turns any exception that reaches <c>Program</c> into one line on standard error.
/// Expected failures (bad options, files, data) print their message; anything else prints
/// <c>ganest: internal error: &lt;type&gt;: &lt;message&gt;</c>. The stack trace is printed too when the environment
/// variable <c>GANEST_VERBOSE</c> is set to 1.
/// </summary>
public static class ErrorReport
{
    /// <summary>The exit code of every failure.</summary>
    public const int FailureExitCode = 1;

    public static int Write(Exception error)
    {
        var cause = Unwrap(error);
        Console.Error.WriteLine(Line(cause));
        if (Environment.GetEnvironmentVariable("GANEST_VERBOSE") == "1") Console.Error.WriteLine(error);
        return FailureExitCode;
    }

    /// <summary>The one line written for <paramref name="error"/> (already unwrapped).</summary>
    public static string Line(Exception error) => error switch
    {
        OutOfMemoryException => $"ganest: error: out of memory ({OneLine(error.Message)}); ask for fewer rows or use a smaller model.",
        ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException or FormatException
            or InvalidOperationException or JsonException or NotSupportedException or OverflowException or System.Security.SecurityException
            or GanEstimators.Orleans.ClusterSamplingException
            => $"ganest: error: {OneLine(error.Message)}",
        _ => $"ganest: internal error: {error.GetType().FullName}: {OneLine(error.Message)}",
    };

    /// <summary>The exception that says what went wrong: reflection and task wrappers removed.</summary>
    public static Exception Unwrap(Exception error)
    {
        while (true)
        {
            switch (error)
            {
                case TargetInvocationException { InnerException: { } inner }: error = inner; continue;
                case TypeInitializationException { InnerException: { } inner }: error = inner; continue;
                case AggregateException aggregate when aggregate.InnerExceptions.Count == 1: error = aggregate.InnerExceptions[0]; continue;
                default: return error;
            }
        }
    }

    /// <summary>
    /// A message on one line: line breaks become spaces, and libtorch's C++ trace (from "Exception raised from"
    /// on) is left out.
    /// </summary>
    public static string OneLine(string message)
    {
        var trace = message.IndexOf("Exception raised from", StringComparison.Ordinal);
        if (trace > 0) message = message[..trace];
        return string.Join(" ", message.Split(new[] { "\r\n", "\n", "\r" }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
