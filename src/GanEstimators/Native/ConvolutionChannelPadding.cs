using System.Runtime.Intrinsics.X86;
using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Native;

/// <summary>
/// Whether the library's convolutions pad their output channels to a multiple of <see cref="Multiple"/> on this
/// processor. On AMD processors (a Zen 5 EPYC, oneDNN 3.7.1 in libtorch 2.10) oneDNN's AVX2 and AVX-512 kernels compute
/// wrong input gradients for a float convolution whose output-channel count is not a multiple of their vector width
/// (8 or 16 floats): relative errors of 0.07-2 against float64, and NaN. The forward pass and the weight gradient are
/// right, and so is every count that is a multiple. Zero output channels added to the weight and cut off the result
/// leave the forward pass and both gradients as they are, and keep every convolution on oneDNN's fast kernels. Limiting
/// oneDNN to its AVX kernels, what the library did before, made the FashionGan recipe's epoch twice as long, and there
/// WGAN-GP's second derivatives through a three-channel critic were wrong.
/// <see cref="ConvolutionGradientCheck"/> still verifies the gradients before anything trains convolutions.
/// </summary>
internal static class ConvolutionChannelPadding
{
    /// <summary>The widest vector oneDNN uses for floats (AVX-512: 16), so a multiple of it is one of AVX2's 8 too.</summary>
    public const long Multiple = 16;

    /// <summary>True on the processors whose kernels need the padding (see the class summary).</summary>
    public static bool Enabled { get; } = AppliesTo(ProcessorVendor(), Avx2.IsSupported);

    /// <summary>A one-line note for the training log when the padding is on, else null.</summary>
    public static string? Note => Enabled
        ? $"Convolutions pad their output channels to a multiple of {Multiple} while computing gradients on this {ProcessorVendor()} processor: oneDNN's input gradients are wrong for other counts here."
        : null;

    /// <summary>True for an AMD x86-64 processor with AVX2 (without it oneDNN has no kernels of these widths).</summary>
    public static bool AppliesTo(string vendor, bool hasAvx2) => vendor == "AuthenticAMD" && hasAvx2;

    /// <summary>The output channels a convolution of <paramref name="outputs"/> channels computes with: the next multiple.</summary>
    public static long PaddedCount(long outputs) => (outputs + Multiple - 1) / Multiple * Multiple;

    /// <summary>
    /// <c>conv2d</c> of a square kernel, with the output channels padded with zero filters to a multiple of
    /// <see cref="Multiple"/> and cut off again when the padding is on, the input is on the CPU and a gradient will
    /// flow back to it (without one, oneDNN's results are right as they are).
    /// </summary>
    public static Tensor Convolve(Tensor input, Tensor weight, Tensor? bias, long stride, long padding)
    {
        var needed = Enabled && PaddedCount(weight.shape[0]) != weight.shape[0] && input.device_type == DeviceType.CPU && input.requires_grad && is_grad_enabled();
        return needed
            ? ConvolvePadded(input, weight, bias, stride, padding)
            : nn.functional.conv2d(input, weight, bias, new[] { stride, stride }, new[] { padding, padding });
    }

    /// <summary><c>conv2d</c> computed with zero filters added up to a multiple of <see cref="Multiple"/> output channels, then cut off.</summary>
    public static Tensor ConvolvePadded(Tensor input, Tensor weight, Tensor? bias, long stride, long padding)
    {
        var outputs = weight.shape[0];
        var extra = PaddedCount(outputs) - outputs;
        var paddedWeight = nn.functional.pad(weight, new[] { 0L, 0, 0, 0, 0, 0, 0, extra });
        var paddedBias = bias is null ? null : nn.functional.pad(bias, new[] { 0L, extra });
        return nn.functional.conv2d(input, paddedWeight, paddedBias, new[] { stride, stride }, new[] { padding, padding }).narrow(1, 0, outputs);
    }

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
