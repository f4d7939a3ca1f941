using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GanEstimators.Orleans;
using GanEstimators.Orleans.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.ML;

namespace GanEstimators.Benchmarks;

/// <summary>
/// Issue 21's "Scale-out": rows/s of one sample written as part files in this process and by development clusters of
/// 1, 2 and 4 silos (all silos in this process, over loopback TCP), and the fixed cost of one shard (many one-row
/// shards) in each. A model: --model PATH, or flights-20k trained for two epochs.
/// </summary>
internal static class ScaleOut
{
    public static void Run(string dataDirectory, string? modelPath, long rows, int shardRows, int[] siloCounts, int tinyShards)
    {
        modelPath ??= TrainFlights(dataDirectory);
        modelPath = Path.GetFullPath(modelPath);
        using var sampler = (GanSampler)new MLContext(0).Model.Load(modelPath, out _);
        sampler.NumberOfThreads = 1;
        Console.WriteLine($"scale-out: {rows:N0} rows in shards of {shardRows:N0}; {Environment.ProcessorCount} cores; load {MachineLoad.Average()}; one libtorch thread per shard");
        Console.WriteLine("| writer | s | rows/s | process CPU s | tiny shard ms |");
        Console.WriteLine("|---|---|---|---|---|");
        var inProcess = Measure(dir => Task.FromResult(ClusterSampling.Generate(sampler, Request(modelPath, rows, shardRows, dir))));
        var tinyInProcess = Measure(dir => Task.FromResult(ClusterSampling.Generate(sampler, Request(modelPath, tinyShards, 1, dir))));
        Print("in-process, sequential", inProcess, rows, tinyInProcess, tinyShards);
        foreach (var silos in siloCounts)
        {
            var hosts = StartSilos(silos);
            using var client = DevelopmentCluster.ConnectAsync(hosts.Select(h => new IPEndPoint(IPAddress.Loopback, h.Gateway)).ToArray(), ClusterId(silos)).GetAwaiter().GetResult();
            var grains = DevelopmentCluster.Client(client);
            Measure(dir => ClusterSampling.GenerateAsync(grains, Request(modelPath, 1_000, 1_000, dir)));   // warm: each silo loads the model
            var cluster = Measure(dir => ClusterSampling.GenerateAsync(grains, Request(modelPath, rows, shardRows, dir)));
            var tiny = Measure(dir => ClusterSampling.GenerateAsync(grains, Request(modelPath, tinyShards, 1, dir)));
            Print($"{silos} silo{(silos == 1 ? "" : "s")}", cluster, rows, tiny, tinyShards);
            client.StopAsync().GetAwaiter().GetResult();
            foreach (var (host, _) in hosts)
            {
                host.StopAsync().GetAwaiter().GetResult();
                host.Dispose();
            }
        }
    }

    private static ClusterSamplingRequest Request(string model, long rows, int shardRows, string directory) =>
        new() { ModelPath = model, Rows = rows, Seed = 1, OutputDirectory = directory, ShardRows = shardRows };

    private static (double Seconds, double CpuSeconds) Measure(Func<string, Task<ShardManifest>> generate)
    {
        var directory = Directory.CreateTempSubdirectory("ganest-scale-out-").FullName;
        try
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            generate(directory).GetAwaiter().GetResult();
            return (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Print(string writer, (double Seconds, double CpuSeconds) run, long rows, (double Seconds, double CpuSeconds) tiny, int tinyShards) =>
        Console.WriteLine($"| {writer} | {run.Seconds:F1} | {rows / run.Seconds:N0} | {run.CpuSeconds:F1} | {1000 * tiny.Seconds / tinyShards:F1} |");

    private static List<(IHost Host, int Gateway)> StartSilos(int count)
    {
        var hosts = new List<(IHost, int)>();
        IPEndPoint? primary = null;
        for (var i = 0; i < count; i++)
        {
            var endpoints = new SiloEndpoints { SiloPort = FreePort(), GatewayPort = FreePort(), Primary = primary, ClusterId = ClusterId(count) };
            var host = DevelopmentCluster.CreateSilo(endpoints);
            host.StartAsync().GetAwaiter().GetResult();
            primary ??= new IPEndPoint(IPAddress.Loopback, endpoints.SiloPort);
            hosts.Add((host, endpoints.GatewayPort));
        }
        return hosts;
    }

    private static string ClusterId(int silos) => $"scale-out-{silos}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string TrainFlights(string dataDirectory)
    {
        var ml = new MLContext(seed: 1);
        var train = Flights.LoadTrain(ml, dataDirectory);
        var options = Flights.CtganOptions(Flights.Columns, epochs: 2, seed: 1);
        options.NumberOfThreads = 1;
        using var sampler = ml.Gan().Trainer(options).Fit(train);
        var path = Path.Combine(Directory.CreateTempSubdirectory("ganest-scale-out-model-").FullName, "flights.zip");
        ml.Model.Save(sampler, train.Schema, path);
        return path;
    }
}
