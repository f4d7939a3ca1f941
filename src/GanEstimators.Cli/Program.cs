using System.CommandLine;
using GanEstimators.Cli.Commands;
using Spectre.Console;

var root = new RootCommand("ganest: train generative adversarial networks on CSV files, sample synthetic rows and evaluate them")
{
    TrainCommand.Create(),
    SampleCommand.Create(),
    EvaluateCommand.Create(),
    AugmentCommand.Create(),
};
try
{
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception error) when (error is ArgumentException or InvalidDataException or FileNotFoundException or InvalidOperationException)
{
    AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(error.Message)}");
    return 1;
}
