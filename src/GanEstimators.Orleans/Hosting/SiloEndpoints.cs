using System.Net;

namespace GanEstimators.Orleans.Hosting;

/// <summary>
/// Where a silo listens and whom it joins, for development clustering (no membership store): the first silo is the
/// primary, every other silo names it. A production cluster uses a clustering provider (ADO.NET, Azure, Redis,
/// Kubernetes) in its own host instead; the grain and <c>AddGanSampling</c> stay the same.
/// </summary>
public sealed record SiloEndpoints
{
    /// <summary>The address other silos and clients reach this silo at (default 127.0.0.1).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>Silo-to-silo port (default 11111).</summary>
    public int SiloPort { get; init; } = 11_111;

    /// <summary>Client gateway port (default 30000).</summary>
    public int GatewayPort { get; init; } = 30_000;

    /// <summary>The primary silo's silo-to-silo endpoint; null when this silo is the primary.</summary>
    public IPEndPoint? Primary { get; init; }

    /// <summary>The cluster's id; silos and clients of one cluster share it (default "ganest").</summary>
    public string ClusterId { get; init; } = "ganest";
}
