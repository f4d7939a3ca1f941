using static TorchSharp.torch;

namespace GanEstimators;

/// <summary>
/// libtorch's process-wide random generator, from which every new network draws its initial weights. A seeded training
/// seeds it and builds its networks; loading and copying build networks too (their drawn weights are then overwritten).
/// If another thread builds a network between the seeding and the construction, the seeded run's initial weights shift,
/// so every construction of a network takes the same lock, through these two methods.
/// </summary>
internal static class GlobalTorchRandom
{
    private static readonly object Construction = new();

    /// <summary>Seeds the global generator with <paramref name="seed"/> and builds, with no other construction in between.</summary>
    public static T Seeded<T>(long seed, Func<T> build)
    {
        lock (Construction)
        {
            random.manual_seed(seed);
            return build();
        }
    }

    /// <summary>Builds networks whose drawn weights will be replaced, without landing inside another thread's seeded construction.</summary>
    public static T Unseeded<T>(Func<T> build)
    {
        lock (Construction) return build();
    }
}
