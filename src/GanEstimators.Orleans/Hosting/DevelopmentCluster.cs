using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace GanEstimators.Orleans.Hosting;

/// <summary>
/// Silos and clients of a development cluster (static endpoints, the first silo as membership primary): what
/// <c>ganest silo</c> and <c>ganest sample --cluster</c> run, on one machine or a few machines of one network.
/// </summary>
public static class DevelopmentCluster
{
    /// <summary>How long a client waits for one shard (10 minutes).</summary>
    public static readonly TimeSpan ShardResponseTimeout = TimeSpan.FromMinutes(10);

    /// <summary>A host running one silo that serves shards; run it with <c>RunAsync</c> and stop it to leave the cluster.</summary>
    public static IHost CreateSilo(SiloEndpoints endpoints, Action<GanClusterSamplingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))   // a shard per line is noise on a console
            .UseOrleans(silo =>
            {
                silo.UseDevelopmentClustering(endpoints.Primary ?? new IPEndPoint(endpoints.Address, endpoints.SiloPort));
                silo.ConfigureEndpoints(endpoints.Address, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(endpoints.Address));
                silo.Configure<ClusterOptions>(o => { o.ClusterId = endpoints.ClusterId; o.ServiceId = endpoints.ClusterId; });
                silo.AddGanSampling(configure);
            })
            .Build();
    }

    /// <summary>A started client of the cluster whose silos' gateways are <paramref name="gateways"/>.</summary>
    public static async Task<IHost> ConnectAsync(IReadOnlyList<IPEndPoint> gateways, string clusterId = "ganest", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        if (gateways.Count == 0) throw new ArgumentException("Give at least one silo gateway (host:port).", nameof(gateways));
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleansClient(client =>
            {
                client.UseStaticClustering(gateways.ToArray());
                // A call waits for a whole shard to be generated, which takes longer than Orleans' 30 s default on a busy silo.
                client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ShardResponseTimeout);
                client.Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = clusterId; });
            })
            .Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return host;
    }

    /// <summary>The client of a host made by <see cref="ConnectAsync"/>.</summary>
    public static IClusterClient Client(IHost host) => host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Parses "host:port[,host:port…]" (a host name or an IP address; IPv6 in brackets).</summary>
    /// <exception cref="FormatException">An entry is not host:port with a port from 1 to 65535, or the host cannot be resolved.</exception>
    public static IReadOnlyList<IPEndPoint> ParseEndpoints(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var endpoints = new List<IPEndPoint>();
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(entry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65_535)
                throw new FormatException($"'{entry}' is not host:port (for example 127.0.0.1:30000).");
            var host = entry[..colon].Trim('[', ']');
            if (!IPAddress.TryParse(host, out var address))
            {
                try
                {
                    address = Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                        ?? throw new FormatException($"Host '{host}' in '{entry}' has no IPv4 address.");
                }
                catch (System.Net.Sockets.SocketException e)
                {
                    throw new FormatException($"Host '{host}' in '{entry}' cannot be resolved: {e.Message}", e);
                }
            }
            endpoints.Add(new IPEndPoint(address, port));
        }
        if (endpoints.Count == 0) throw new FormatException("No endpoint given; expected host:port[,host:port…].");
        return endpoints;
    }
}
