using static TorchSharp.torch;

namespace GanEstimators;

/// <summary>
/// Seeded random tensors for any device. TorchSharp's <see cref="Generator"/> is always a CPU generator (it ignores a
/// device argument), and CUDA kernels refuse a CPU generator ("Expected a 'cuda' device type for generator"), so the
/// numbers are drawn on the CPU and moved. A seed therefore gives the same numbers on the CPU and on a GPU.
/// </summary>
internal static class TorchRandom
{
    public static Tensor Normal(long[] shape, Device device, Generator? random, ScalarType? dtype = null) =>
        OnDevice(randn(shape, dtype: dtype, generator: random), device);

    public static Tensor Uniform(long[] shape, Device device, Generator? random, ScalarType? dtype = null) =>
        OnDevice(rand(shape, dtype: dtype, generator: random), device);

    public static Tensor Integers(long high, long[] shape, Device device, Generator? random) =>
        OnDevice(randint(high, shape, generator: random), device);

    /// <summary>A C# <see cref="Random"/> seeded from the torch stream, so C#-side draws stay in the one random stream that is saved and resumed.</summary>
    public static Random DerivedRandom(Generator random) =>
        new((int)randint(int.MaxValue, new long[] { 1 }, generator: random).item<long>());

    private static Tensor OnDevice(Tensor drawn, Device device)
    {
        if (device.type == TorchSharp.DeviceType.CPU) return drawn;
        using (drawn) return drawn.to(device);
    }
}
