using System.Runtime.InteropServices;
using GanEstimators.Cli.Files;

namespace GanEstimators.Cli.Errors;

/// <summary>
/// Ctrl+C and SIGTERM: delete the temporary output files, say so in one line, and exit with 130 at once. An orderly
/// runtime exit is not safe here: the main thread may be inside libtorch, whose static destructors then crash (139).
/// A command that serves rather than writes (<c>ganest silo</c>) asks for <see cref="FirstSignalCancels"/> instead.
/// </summary>
public static class StopSignals
{
    public const int StoppedExitCode = 130;

    private static CancellationTokenSource? _graceful;

    /// <summary>
    /// Until the returned scope is disposed, the first Ctrl+C or SIGTERM cancels <paramref name="stop"/> (the command
    /// then ends in order and returns) and a second one stops the process at once as usual.
    /// </summary>
    public static IDisposable FirstSignalCancels(CancellationTokenSource stop)
    {
        Volatile.Write(ref _graceful, stop);
        return new Scope(() => Interlocked.CompareExchange(ref _graceful, null, stop));
    }

    public static IDisposable Handle()
    {
        var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return new Registrations(interrupt, terminate);
    }

    private static void Stop(PosixSignalContext context)
    {
        if (Interlocked.Exchange(ref _graceful, null) is { } graceful)
        {
            Console.Error.WriteLine($"ganest: stopping ({context.Signal}); send it again to stop at once.");
            context.Cancel = true;
            graceful.Cancel();
            return;
        }
        OutputFile.DeleteAllReserved();
        Console.Error.WriteLine($"ganest: stopped ({context.Signal}); no output file was written.");
        context.Cancel = true;
        ExitNow(StoppedExitCode);
    }

    /// <summary>Ends the process with <paramref name="code"/> without the runtime's orderly shutdown (see the class summary).</summary>
    public static void ExitNow(int code)
    {
        Console.Error.Flush();
        if (OperatingSystem.IsWindows()) Environment.Exit(code);
        ExitImmediately(code);
    }

    [DllImport("libc", EntryPoint = "_exit")]
    private static extern void ExitImmediately(int status);

    private sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }

    private sealed class Registrations(params IDisposable[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations) registration.Dispose();
        }
    }
}
