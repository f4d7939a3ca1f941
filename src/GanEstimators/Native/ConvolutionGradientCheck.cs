using static TorchSharp.torch;

namespace GanEstimators.Native;

/// <summary>
/// Checks once per process that float convolution gradients on the CPU, computed as the networks compute them
/// (<see cref="ConvolutionChannelPadding.Convolve"/>), agree with float64 ones, before anything trains a convolutional
/// network there. Some oneDNN kernels get them wrong on some processors (see <see cref="ConvolutionChannelPadding"/>);
/// training on them does not fail, it silently learns nothing or goes NaN.
/// </summary>
internal static class ConvolutionGradientCheck
{
    /// <summary>Float gradients within this relative error of float64 ones pass (float rounding gives about 1e-7).</summary>
    public const double Tolerance = 1e-3;

    /// <summary>oneDNN reads the most capable instruction set it may use from this variable, once per process.</summary>
    public const string InstructionSetVariable = "ONEDNN_MAX_CPU_ISA";

    private static readonly Lazy<double> Error = new(MeasureRelativeError, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Throws when the gradients are wrong; <paramref name="device"/> other than the CPU is not checked.</summary>
    public static void EnsureCorrect(Device device)
    {
        if (device.type != TorchSharp.DeviceType.CPU) return;
        var error = Error.Value;
        if (error <= Tolerance) return;
        throw new InvalidOperationException(
            $"libtorch computes wrong convolution gradients on this processor ({ConvolutionChannelPadding.ProcessorVendor()}: a relative error of {error:G3} against float64, " +
            $"{InstructionSetVariable}={Environment.GetEnvironmentVariable(InstructionSetVariable) ?? "unset"}), so a convolutional network cannot be trained here. " +
            $"Start the process with the environment variable {InstructionSetVariable}=AVX (oneDNN's AVX kernels), or train on a GPU.");
    }

    /// <summary>
    /// The largest relative error of the input and weight gradients over the kinds of convolution the image networks
    /// use: a 4×4 stride-2 halving of one image and of a packed pair, 3×3 refinements of 8 and 16 channels, and 3×3
    /// output layers to one and three channels (counts below and at oneDNN's vector widths).
    /// </summary>
    public static double MeasureRelativeError()
    {
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        using var random = new Generator(20261204);
        var worst = 0.0;
        foreach (var (inputs, outputs, kernel, stride) in new[] { (1L, 4L, 4L, 2L), (2L, 8L, 4L, 2L), (8L, 8L, 3L, 1L), (16L, 16L, 3L, 1L), (8L, 1L, 3L, 1L), (16L, 3L, 3L, 1L) })
        {
            var input = randn(new[] { 8L, inputs, 8, 8 }, generator: random);
            var weight = randn(new[] { outputs, inputs, kernel, kernel }, generator: random);
            var single = Gradients(input, weight, stride);
            var reference = Gradients(input.to(float64), weight.to(float64), stride);
            for (var i = 0; i < single.Length; i++)
            {
                var error = (single[i].to(float64) - reference[i]).abs().max().item<double>() / reference[i].abs().max().item<double>();
                worst = Math.Max(worst, double.IsNaN(error) ? double.PositiveInfinity : error);
            }
        }
        return worst;
    }

    private static Tensor[] Gradients(Tensor input, Tensor weight, long stride)
    {
        var x = input.detach().requires_grad_(true);
        var w = weight.detach().requires_grad_(true);
        var output = ConvolutionChannelPadding.Convolve(x, w, null, stride, padding: 1);
        output.backward(new[] { ones_like(output) });
        return new[] { x.grad!.detach(), w.grad!.detach() };
    }
}
