using System.Net;
using System.Net.Sockets;
using GanEstimators.Orleans.Hosting;

namespace GanEstimators.Orleans.Tests;

[TestClass]
public sealed class DevelopmentClusterTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [TestMethod]
    public async Task TwoSilosAndAClientOnOneMachineWriteTheSingleProcessParts()
    {
        var primary = new SiloEndpoints { SiloPort = FreePort(), GatewayPort = FreePort() };
        var secondary = new SiloEndpoints { SiloPort = FreePort(), GatewayPort = FreePort(), Primary = new IPEndPoint(IPAddress.Loopback, primary.SiloPort) };
        using var first = DevelopmentCluster.CreateSilo(primary);
        await first.StartAsync();
        using var second = DevelopmentCluster.CreateSilo(secondary);
        await second.StartAsync();
        var gateways = DevelopmentCluster.ParseEndpoints($"127.0.0.1:{primary.GatewayPort},localhost:{secondary.GatewayPort}");
        using var client = await DevelopmentCluster.ConnectAsync(gateways);
        var directory = Parts.NewDirectory();
        var request = new ClusterSamplingRequest { ModelPath = TestModel.Path, Rows = 8_000, Seed = 2, OutputDirectory = directory, ShardRows = 1_000 };

        var manifest = await ClusterSampling.GenerateAsync(DevelopmentCluster.Client(client), request);

        using var sampler = TestModel.Load();
        var referenceDirectory = Parts.NewDirectory();
        var reference = ClusterSampling.Generate(sampler, request with { OutputDirectory = referenceDirectory });
        CollectionAssert.AreEqual(reference.Shards.Select(s => s.Sha256).ToArray(), manifest.Shards.Select(s => s.Sha256).ToArray());
        await client.StopAsync();
        await second.StopAsync();
        await first.StopAsync();
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("127.0.0.1")]
    [DataRow("127.0.0.1:0")]
    [DataRow("127.0.0.1:70000")]
    [DataRow("127.0.0.1:x")]
    public void BadEndpointsAreRefusedWithTheExpectedForm(string text)
    {
        var error = Assert.ThrowsExactly<FormatException>(() => DevelopmentCluster.ParseEndpoints(text));
        StringAssert.Contains(error.Message, "host:port");
    }
}
