using GanEstimators.Cli.Files;
using GanEstimators.Orleans;
using GanEstimators.Orleans.Hosting;
using Microsoft.Extensions.Hosting;

namespace GanEstimators.Cli.Commands;

/// <summary>
/// <c>ganest sample --cluster</c>: the sample written by the silos of a development cluster (<c>ganest silo</c>) as
/// Parquet parts, one per shard, and <c>manifest.json</c>; the same rows, part for part, whatever the number of silos.
/// </summary>
internal static class ClusterSample
{
    public const int DefaultShardRows = 65_536;

    public static async Task<int> RunAsync(string gateways, string modelPath, int count, string outputDirectory, Dictionary<string, string> conditions, int? seed,
        long? start, long? shardRows, int? threads, bool unseenGiven, CancellationToken cancellation)
    {
        if (count <= 0) throw new ArgumentException($"--count must be a positive number of rows; got {count}.");
        if (start is < 0) throw new ArgumentException($"--start must be 0 or more; got {start}.");
        if (shardRows is < 1 or > int.MaxValue) throw new ArgumentException($"--part-rows must be a positive number of rows per shard; got {shardRows}.");
        if (threads is not null) throw new ArgumentException("--threads sets this process's libtorch threads; with --cluster the silos generate, each with its own `ganest silo --threads`.");
        if (unseenGiven) throw new ArgumentException("--unseen-combinations is not offered with --cluster: the silos warn in their logs about combinations never seen in training.");
        var model = Path.GetFullPath(modelPath);
        if (!File.Exists(model)) throw new ArgumentException($"--model: file '{modelPath}' does not exist here; with --cluster it must be a path every silo can read (shared storage).");
        var endpoints = Endpoints(gateways);
        // The silos write into a temporary directory beside --out (so on the same shared storage), moved into place
        // after the manifest: a failed or stopped run leaves neither parts without a manifest nor an --out a rerun refuses.
        using var output = OutputFile.ReserveDirectory(outputDirectory, "--out");
        var sampleSeed = seed ?? Random.Shared.Next();
        using var client = await Connect(gateways, endpoints, cancellation);
        var manifest = await output.Writing(async directory =>
        {
            Directory.CreateDirectory(directory);
            var request = new ClusterSamplingRequest
            {
                ModelPath = model,
                Rows = count,
                Seed = sampleSeed,
                Conditions = conditions,
                OutputDirectory = directory,
                ShardRows = (int)(shardRows ?? DefaultShardRows),
                Start = start ?? 0,
            };
            return await ClusterSampling.GenerateAsync(DevelopmentCluster.Client(client), request, cancellation);
        });
        output.Commit();
        await client.StopAsync(cancellation);
        var silos = manifest.Shards.Select(s => s.Silo).Distinct().Count();
        var retried = manifest.Shards.Count(s => s.Attempts > 1);
        Console.WriteLine($"Wrote {manifest.Rows} rows (seed {sampleSeed}) as {manifest.Shards.Count} parts by {silos} silo{(silos == 1 ? "" : "s")}"
            + (retried > 0 ? $", {retried} shard{(retried == 1 ? "" : "s")} sent again after a silo failed" : "") + $" to {outputDirectory} ({ShardManifest.FileName} lists them)");
        return 0;
    }

    private static IReadOnlyList<System.Net.IPEndPoint> Endpoints(string gateways)
    {
        try
        {
            return DevelopmentCluster.ParseEndpoints(gateways);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"--cluster: {e.Message} Give the silos' gateways as HOST:PORT[,HOST:PORT…], e.g. 127.0.0.1:30000.", e);
        }
    }

    private static async Task<IHost> Connect(string gateways, IReadOnlyList<System.Net.IPEndPoint> endpoints, CancellationToken cancellation)
    {
        try
        {
            return await DevelopmentCluster.ConnectAsync(endpoints, cancellationToken: cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ArgumentException)
        {
            throw new IOException($"--cluster {gateways}: cannot connect to a silo ({e.Message}); start them with `ganest silo` first.", e);
        }
    }
}
