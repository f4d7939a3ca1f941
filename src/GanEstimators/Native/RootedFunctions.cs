using TorchSharp;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace GanEstimators.Native;

/// <summary>
/// TorchSharp functions whose C# signatures take plain numbers, which TorchSharp turns into temporary Scalars that a
/// collection on another thread can free mid-call (see <see cref="TorchScalars"/>), called here with native scalars
/// that live as long as the process. Same native functions as TorchSharp 0.107 calls, so results are bit-identical.
/// </summary>
internal static class RootedFunctions
{
    // Made once and never freed: nothing can collect them.
    private static readonly IntPtr One = THSTorch_float64_to_scalar(1.0);
    private static readonly IntPtr SoftplusThreshold = THSTorch_float64_to_scalar(20.0);

    /// <summary>log(1 + eˣ) with PyTorch's defaults (β 1, threshold 20): what <c>nn.functional.softplus(x)</c> computes.</summary>
    public static Tensor Softplus(Tensor input)
    {
        var result = THSTensor_softplus(input.Handle, One, SoftplusThreshold);
        GC.KeepAlive(input);
        if (result == IntPtr.Zero) CheckForErrors();
        return Tensor.UnsafeCreateTensor(result);
    }

    /// <summary>0, 1, …, <paramref name="count"/> − 1 as int64 on <paramref name="device"/>: <c>arange(count)</c>, whose start and step TorchSharp would make on the spot.</summary>
    public static Tensor Arange(long count, Device device)
    {
        using var stop = count.ToScalar();
        return arange(TorchScalars.IntegerZero, stop, TorchScalars.IntegerOne, ScalarType.Int64, device);
    }

    // TorchSharp 0.107's native entry points, declared as its own NativeMethods declares them.
    [DllImport("LibTorchSharp")]
    private static extern IntPtr THSTorch_float64_to_scalar(double value);

    [DllImport("LibTorchSharp")]
    private static extern IntPtr THSTensor_softplus(IntPtr tensor, IntPtr beta, IntPtr threshold);
}
