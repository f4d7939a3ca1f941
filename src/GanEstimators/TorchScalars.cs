using TorchSharp;

namespace GanEstimators;

/// <summary>
/// Scalars used in every training step, kept alive for the life of the process. TorchSharp turns a C# number into a
/// native <see cref="Scalar"/> that is freed by its finalizer; nothing keeps that temporary alive while the native
/// operation reads it, so a garbage collection on another thread (a progress bar, ML.NET) can free it mid-call — seen
/// as "Expected false to be true … toDouble" crashes in long runs. Rooted scalars (these fields, or instance fields for
/// per-loss values) cannot be collected. Where TorchSharp makes such temporaries inside its own code, the library
/// uses its own version: <c>RootedBatchNorm</c>, <c>RootedLeakyReLU</c>, <c>RootedOptimizers.Adam</c> and <c>RMSProp</c>,
/// <c>RootedFunctions.Softplus</c>, and <c>RootedArithmetic</c> for additions (whose alpha TorchSharp makes).
/// <c>GarbageCollectionTests</c> and <c>--fingerprint --beside-collections</c> train beside back-to-back collections;
/// <c>TemporaryScalarTests</c> reads the IL of every product assembly for sites that leave a scalar unheld.
/// </summary>
internal static class TorchScalars
{
    public static readonly Scalar Zero = 0.0.ToScalar();
    public static readonly Scalar Half = 0.5.ToScalar();
    public static readonly Scalar One = 1.0.ToScalar();
    /// <summary>1 as an integer, for integer tensors (a floating-point scalar cannot be added to them in place).</summary>
    public static readonly Scalar IntegerZero = 0L.ToScalar();
    public static readonly Scalar IntegerOne = 1L.ToScalar();
    public static readonly Scalar Two = 2.0.ToScalar();
    public static readonly Scalar Tiny = 1e-20.ToScalar();
}
