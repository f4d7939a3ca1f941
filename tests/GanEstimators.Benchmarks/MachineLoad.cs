namespace GanEstimators.Benchmarks;

/// <summary>The 1-, 5- and 15-minute load averages every benchmark prints beside its figures (the machine is shared).</summary>
internal static class MachineLoad
{
    public static string Average() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
