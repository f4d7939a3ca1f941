using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace GanEstimators.Native;

/// <summary>
/// Keeps libtorch's oneDNN convolutions on their AVX kernels on AMD processors with AVX-512. On such an AMD EPYC
/// (oneDNN 3.7.1 in libtorch 2.10) the input gradient of a float convolution is wrong: with the AVX-512 kernels for
/// every shape tried (a relative error of 0.65-0.85 against float64, NaN or run-to-run differences with two threads),
/// with the AVX2 ones for a 3×3 convolution to one channel (a DCGAN generator's output layer). A DCGAN then trains on
/// wrong gradients and diverges. The AVX kernels are right there for every shape the image networks use. oneDNN
/// reads <c>ONEDNN_MAX_CPU_ISA</c> once, when it first builds a kernel, so the cap is set as this assembly loads; a
/// value the user set (either variable name) is left alone. <see cref="ConvolutionGradientCheck"/> verifies the
/// gradients before anything trains convolutions, so a processor not covered here fails loudly instead of silently.
/// </summary>
internal static class OneDnnInstructionSet
{
    public const string Variable = "ONEDNN_MAX_CPU_ISA";
    public const string LegacyVariable = "DNNL_MAX_CPU_ISA";
    public const string SafeSet = "AVX";

    /// <summary>A one-line note for the training log when the cap was applied by this library, else null.</summary>
    public static string? AppliedNote { get; private set; }

#pragma warning disable CA2255 // A library module initialiser on purpose: it must run before libtorch builds its first convolution kernel.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void CapOnAffectedProcessors()
    {
        if (!ShouldCap(ProcessorVendor(), Avx512F.IsSupported, Environment.GetEnvironmentVariable(Variable), Environment.GetEnvironmentVariable(LegacyVariable)))
            return;
        if (!NativeEnvironment.TrySet(Variable, SafeSet)) return;
        AppliedNote = $"oneDNN convolutions limited to {SafeSet} ({Variable}={SafeSet}): its AVX-512 convolution gradients are wrong on AMD processors; set {Variable} yourself to choose otherwise.";
    }

    /// <summary>True for an AMD x86-64 processor with AVX-512 when neither variable is set by the user.</summary>
    public static bool ShouldCap(string vendor, bool hasAvx512, string? userValue, string? legacyUserValue) =>
        vendor == "AuthenticAMD" && hasAvx512 && string.IsNullOrEmpty(userValue) && string.IsNullOrEmpty(legacyUserValue);

    /// <summary>The CPUID vendor string ("GenuineIntel", "AuthenticAMD"), or empty off x86.</summary>
    public static string ProcessorVendor()
    {
        if (!X86Base.IsSupported) return "";
        var (_, ebx, ecx, edx) = X86Base.CpuId(0, 0);
        var bytes = new byte[12];
        BitConverter.TryWriteBytes(bytes.AsSpan(0), ebx);
        BitConverter.TryWriteBytes(bytes.AsSpan(4), edx);
        BitConverter.TryWriteBytes(bytes.AsSpan(8), ecx);
        return System.Text.Encoding.ASCII.GetString(bytes);
    }
}
