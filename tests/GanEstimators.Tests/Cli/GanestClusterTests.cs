using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GanEstimators.Tests.Support;
using static GanEstimators.Tests.Cli.CleanFailures;

namespace GanEstimators.Tests.Cli;

/// <summary><c>ganest sample --cluster</c> against a <c>ganest silo</c> process: the parts move into --out whole, and a stopped run leaves nothing.</summary>
[TestClass]
public sealed class GanestClusterTests : GanestTestFolder
{
    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void AClusterSampleMovesIntoPlaceWholeAndAStoppedOneLeavesNothing()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("POSIX signals");
            return;
        }
        var (port, gateway) = (FreePort(), FreePort());
        using var silo = Ganest.Start("silo", "--port", $"{port}", "--gateway", $"{gateway}");
        try
        {
            var siloErrors = WaitForLine(silo, "listening");
            var cluster = $"127.0.0.1:{gateway}";

            var whole = Ganest.Run("sample", "--cluster", cluster, "--model", TinyModel.Model, "--count", "300", "--part-rows", "100", "--seed", "1", "--out", Path.Combine(Folder, "whole") + Path.DirectorySeparatorChar);
            Assert.AreEqual(0, whole.ExitCode, whole.Output + whole.Error);
            CollectionAssert.AreEqual(new[] { "whole", "whole/manifest.json", "whole/part-00000.parquet", "whole/part-00001.parquet", "whole/part-00002.parquet" }, FilesIn(Folder));

            var (exitCode, error) = Ganest.StopWithSigterm(
                new[] { "sample", "--cluster", cluster, "--model", TinyModel.Model, "--count", "100000000", "--part-rows", "20000", "--seed", "1", "--out", Path.Combine(Folder, "stopped") + Path.DirectorySeparatorChar },
                readyToStop: () => Directory.EnumerateFiles(Folder, "*.parquet", SearchOption.AllDirectories).Any(f => f.Contains("stopped", StringComparison.Ordinal)));
            Assert.AreEqual(130, exitCode, error);
            Thread.Sleep(2000);   // the silo ends the shards it had in flight; they find no directory to write to
            CollectionAssert.AreEqual(new[] { "whole", "whole/manifest.json", "whole/part-00000.parquet", "whole/part-00001.parquet", "whole/part-00002.parquet" }, FilesIn(Folder),
                "neither --out nor its temporary directory is left by the stopped run");

            Ganest.Sigterm(silo);
            Assert.IsTrue(silo.WaitForExit(120_000), "the silo stops on SIGTERM");
            Assert.AreEqual(130, silo.ExitCode, siloErrors.Result);
            StringAssert.Contains(siloErrors.Result, "stopped; it has left the cluster", "the first signal stops the silo in order");
        }
        finally
        {
            if (!silo.HasExited) silo.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Waits for <paramref name="text"/> on standard output, then keeps draining both streams; returns standard error's text at exit.</summary>
    private static Task<string> WaitForLine(Process process, string text)
    {
        var line = Task.Run(() =>
        {
            for (var read = process.StandardOutput.ReadLine(); read is not null; read = process.StandardOutput.ReadLine())
                if (read.Contains(text, StringComparison.Ordinal)) return true;
            return false;
        });
        if (!line.Wait(TimeSpan.FromMinutes(2)) || !line.Result) Assert.Fail($"ganest silo did not say '{text}': {process.StandardError.ReadToEnd()}");
        _ = process.StandardOutput.ReadToEndAsync();   // keep draining, so the silo never blocks on a full pipe
        return process.StandardError.ReadToEndAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
