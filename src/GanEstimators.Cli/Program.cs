using System.CommandLine;
using System.CommandLine.Invocation;
using GanEstimators.Cli.Commands;
using GanEstimators.Cli.Errors;
using GanEstimators.Cli.Files;

// Exit codes: 0 success; 1 any failure (one line on standard error); 130 stopped by Ctrl+C or SIGTERM.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    OutputFile.DeleteAllReserved();
    ErrorReport.Write(e.ExceptionObject as Exception ?? new Exception(e.ExceptionObject?.ToString()));
    StopSignals.ExitNow(ErrorReport.FailureExitCode);
};
using var stopSignals = StopSignals.Handle();

var root = new RootCommand("ganest: train generative adversarial networks on CSV files, sample synthetic rows and evaluate them. " +
    "Exit code 0 on success, 1 on any failure (one line on standard error; GANEST_VERBOSE=1 adds the stack trace), 130 when stopped by Ctrl+C or SIGTERM. " +
    DeviceSupport.HelpText)
{
    TrainCommand.Create(),
    SampleCommand.Create(),
    EvaluateCommand.Create(),
    ReportCommand.Create(),
    AugmentCommand.Create(),
    InfoCommand.Create(),
    SiloCommand.Create(),
};
try
{
    var parsed = root.Parse(args);
    if (parsed.Action is ParseErrorAction)
    {
        var command = string.Join(" ", parsed.CommandResult.Command == root ? new[] { "ganest" } : new[] { "ganest", parsed.CommandResult.Command.Name });
        Console.Error.WriteLine($"ganest: error: {ErrorReport.OneLine(string.Join(" ", parsed.Errors.Select(e => e.Message)))} (see `{command} --help`)");
        return ErrorReport.FailureExitCode;
    }
    // Ctrl+C and SIGTERM are StopSignals' alone: it deletes the command's temporary outputs and exits with 130 at once.
    // System.CommandLine's own handling of an async action (cancel its token, wait 2 s, then exit 130 or 143 with the
    // action still running) left `sample --cluster`'s temporary directory behind.
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
}
catch (Exception error)
{
    OutputFile.DeleteAllReserved();
    return ErrorReport.Write(error);
}
