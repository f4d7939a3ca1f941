using System.CommandLine;
using GanEstimators.Cli.Commands;
using Spectre.Console;

var root = new RootCommand("ganest: train generative adversarial networks on CSV files and sample synthetic rows")
{
    TrainCommand.Create(),
    SampleCommand.Create(),
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
