using System.CommandLine;
using System.Net;
using GanEstimators.Cli.Errors;
using GanEstimators.Orleans.Hosting;
using Microsoft.Extensions.Hosting;

namespace GanEstimators.Cli.Commands;

/// <summary>
/// <c>ganest silo</c>: run one Orleans silo that writes shards for <c>ganest sample --cluster</c>, until Ctrl+C. The first
/// silo of a development cluster is its primary; every other silo names it with <c>--primary</c>.
/// </summary>
public static class SiloCommand
{
    public static Command Create()
    {
        var address = new Option<string>("--address") { Description = "IP address other silos and clients reach this silo at", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Silo-to-silo port", DefaultValueFactory = _ => 11_111 };
        var gateway = new Option<int>("--gateway") { Description = "Client gateway port (what `ganest sample --cluster` names)", DefaultValueFactory = _ => 30_000 };
        var primary = new Option<string?>("--primary") { Description = "HOST:PORT of the first silo's --port; leave out on the first silo" };
        var threads = ThreadsOption.Create();
        var command = new Command("silo", "Run an Orleans silo that generates shards of synthetic samples for `ganest sample --cluster` (development clustering: the first silo is the primary, the others name it with --primary; stop with Ctrl+C)")
        {
            address, port, gateway, primary, threads,
        };
        command.SetAction((parsed, cancellation) => RunAsync(parsed.GetValue(address)!, parsed.GetValue(port), parsed.GetValue(gateway), parsed.GetValue(primary), parsed.GetValue(threads), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string addressText, int port, int gateway, string? primaryText, int? threads, CancellationToken cancellation)
    {
        if (!IPAddress.TryParse(addressText, out var address))
            throw new ArgumentException($"--address must be an IP address (for example 127.0.0.1 or 10.0.0.5); got '{addressText}'.");
        CheckPort("--port", port);
        CheckPort("--gateway", gateway);
        if (port == gateway) throw new ArgumentException($"--port and --gateway must differ; both are {port}.");
        ThreadsOption.Check(threads);
        IPEndPoint? primary = null;
        if (primaryText is not null)
        {
            try
            {
                primary = DevelopmentCluster.ParseEndpoints(primaryText).Single();
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                throw new ArgumentException($"--primary must be one HOST:PORT, the first silo's --port; got '{primaryText}'. {e.Message}", e);
            }
        }
        var endpoints = new SiloEndpoints { Address = address, SiloPort = port, GatewayPort = gateway, Primary = primary };
        using var host = DevelopmentCluster.CreateSilo(endpoints, o => o.NumberOfThreads = threads ?? 1);
        // The first Ctrl+C or SIGTERM stops the silo in order: it leaves the cluster at once, so clients send its shards
        // elsewhere without waiting for the failure detector. A second one ends the process at once.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var signals = StopSignals.FirstSignalCancels(stop);
        try
        {
            await host.StartAsync(stop.Token);
            Console.WriteLine($"ganest silo: listening at {address}:{port} (gateway {address}:{gateway}), {(primary is null ? "primary" : $"joined {primary}")}; Ctrl+C to stop.");
            await host.WaitForShutdownAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await host.StopAsync(CancellationToken.None);   // stopped while starting
        }
        Console.Error.WriteLine("ganest silo: stopped; it has left the cluster.");
        return StopSignals.StoppedExitCode;   // as every ganest command stopped by a signal
    }

    private static void CheckPort(string option, int port)
    {
        if (port is < 1 or > 65_535) throw new ArgumentException($"{option} must be a port from 1 to 65535; got {port}.");
    }
}
