using System.Runtime.InteropServices;

namespace GanEstimators.Benchmarks;

/// <summary>
/// CPU seconds used by the calling thread (Linux CLOCK_THREAD_CPUTIME_ID). With one libtorch thread every kernel runs
/// on the training thread, so this counts the training work and not the time the thread waited for a core: on a
/// shared machine it is far steadier than wall-clock time. NaN where unavailable.
/// </summary>
public static partial class ThreadClock
{
    private const int ThreadCpuTime = 3;

    public static double Seconds()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        return ClockGetTime(ThreadCpuTime, out var t) == 0 ? t.Seconds + t.Nanoseconds * 1e-9 : double.NaN;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
