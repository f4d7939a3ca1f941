using static TorchSharp.torch;

namespace GanEstimators.Native;

/// <summary>
/// libtorch's CPU thread count, which is one setting for the whole process. libtorch's own default, one thread per
/// core, collapses beside a single busy process: its OpenMP threads spin-wait at every parallel region for a thread
/// the scheduler has parked (on 2 cores with one spinner beside it, 66 s instead of 25 s; see BENCHMARKS.md,
/// "Threads on a busy machine"). The library's choice leaves one core free, so one neighbour never pre-empts a thread
/// that the others wait for.
/// </summary>
internal static class LibTorchThreads
{
    public const int MostPerProcessor = 4;

    /// <summary>The options that set the count, named in messages.</summary>
    public const string TrainerOption = "GanTrainer.Options.NumberOfThreads";
    public const string SamplerOption = "GanSampler.NumberOfThreads";

    private static readonly object Gate = new();
    private static int _holders;
    private static int _heldCount;

    /// <summary>The largest count an option may ask for: libtorch starts every thread asked for, and far more threads than cores only contend.</summary>
    public static int Most => MostPerProcessor * Environment.ProcessorCount;

    /// <summary>What an option's count must be, for its range error.</summary>
    public static string Expected => $"between 1 and {Most} ({MostPerProcessor} per processor), or null for the library's choice";

    public static bool IsAllowed(int? requested) => requested is null || (requested >= 1 && requested <= Most);

    /// <summary>The library's count for <paramref name="processors"/> usable processors (<c>Environment.ProcessorCount</c>, which honours cgroup CPU limits).</summary>
    public static int LibraryDefault(int processors) => Math.Max(1, processors - 1);

    /// <summary>
    /// Sets libtorch's count for a training (or for generating a chunk of sampled rows) and holds it until the returned
    /// lease is disposed. An explicit <paramref name="requested"/> count is set as asked. Null takes the library's
    /// count, only ever lowering libtorch's (a smaller count the application set with <c>torch.set_num_threads</c>
    /// stays) and never where <c>OMP_NUM_THREADS</c> is set. While another holder in the process (a training, or a
    /// sampler generating rows) holds a lease the count is not changed under it: null shares the running count, and
    /// an explicit different count is refused, naming <paramref name="option"/>.
    /// </summary>
    public static IDisposable Hold(int? requested, Action<string> log, string option = TrainerOption)
    {
        lock (Gate)
        {
            // libtorch's count is OpenMP's, kept per thread: a thread that has not set it reads the process default, so
            // while a lease is held the held count is the truth, not what this thread reads.
            var current = _holders > 0 ? _heldCount : get_num_threads();
            var wanted = requested ?? (NativeEnvironment.IsSet("OMP_NUM_THREADS") ? current : Math.Min(current, LibraryDefault(Environment.ProcessorCount)));
            if (wanted != current && _holders > 0)
            {
                if (requested is not null)
                    throw new InvalidOperationException(
                        $"{option} is {requested}, but a training or sampling in this process is running with {current} libtorch threads, " +
                        "and libtorch's thread count is one setting for the whole process. Run them one after the other, or give both the same NumberOfThreads.");
                wanted = current;
            }
            if (wanted != current)
                log($"libtorch CPU threads: {wanted} ({(requested is null ? $"the library's choice for {Environment.ProcessorCount} processors; set {option} to choose" : option)}).");
            if (get_num_threads() != wanted) set_num_threads(wanted);
            _heldCount = wanted;
            _holders++;
            return new Lease();
        }
    }

    private sealed class Lease : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            lock (Gate) _holders--;
        }
    }
}
