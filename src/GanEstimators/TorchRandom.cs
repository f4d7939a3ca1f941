using static TorchSharp.torch;

namespace GanEstimators;

/// <summary>
/// Seeded random tensors for any device. TorchSharp's <see cref="Generator"/> is always a CPU generator (it ignores a
/// device argument), and CUDA kernels refuse a CPU generator ("Expected a 'cuda' device type for generator"), so the
/// numbers are drawn on the CPU and moved: a seed then gives the same numbers on the CPU and on a GPU. A
/// <see cref="TrainingRandom"/> with device draws is the exception: its tensors are drawn where they are used, from
/// its device stream, which spares a training step on a GPU the copies (and the waits they imply).
/// </summary>
internal static class TorchRandom
{
    public static Tensor Normal(long[] shape, Device device, Generator? random, ScalarType? dtype = null) =>
        random is TrainingRandom { DrawsOnDevice: true } run
            ? randn(shape, dtype: dtype, device: device, generator: run.DeviceGenerator)
            : OnDevice(randn(shape, dtype: dtype, generator: random), device);

    public static Tensor Uniform(long[] shape, Device device, Generator? random, ScalarType? dtype = null) =>
        random is TrainingRandom { DrawsOnDevice: true } run
            ? rand(shape, dtype: dtype, device: device, generator: run.DeviceGenerator)
            : OnDevice(rand(shape, dtype: dtype, generator: random), device);

    public static Tensor Integers(long high, long[] shape, Device device, Generator? random) =>
        random is TrainingRandom { DrawsOnDevice: true } run
            ? randint(high, shape, device: device, generator: run.DeviceGenerator)
            : OnDevice(randint(high, shape, generator: random), device);

    /// <summary>Whether <paramref name="random"/> draws on the device (then C#-side draws must be avoided in the training step).</summary>
    public static bool DrawsOnDevice(Generator? random) => random is TrainingRandom { DrawsOnDevice: true };

    /// <summary>A C# <see cref="Random"/> seeded from the torch stream, so C#-side draws stay in the one random stream that is saved and resumed.</summary>
    public static Random DerivedRandom(Generator random) =>
        new((int)randint(int.MaxValue, new long[] { 1 }, generator: random).item<long>());

    private static Tensor OnDevice(Tensor drawn, Device device)
    {
        if (device.type == TorchSharp.DeviceType.CPU) return drawn;
        using (drawn) return drawn.to(device);
    }
}
