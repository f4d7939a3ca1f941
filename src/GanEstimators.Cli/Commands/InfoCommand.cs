using System.CommandLine;

namespace GanEstimators.Cli.Commands;

/// <summary><c>ganest info</c>: the version, platform, libtorch build and the devices this installation can train on.</summary>
public static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Show the version, the platform and which devices (CPU, CUDA) this ganest can train on");
        command.SetAction(_ =>
        {
            foreach (var line in DeviceSupport.Describe()) Console.WriteLine(line);
            return 0;
        });
        return command;
    }
}
