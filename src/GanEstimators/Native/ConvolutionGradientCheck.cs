using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Native;

/// <summary>
/// Checks once per process that libtorch's float convolution gradients on the CPU agree with float64 ones, before
/// anything trains a convolutional network there. Some oneDNN kernels get them wrong on some processors (see
/// <see cref="OneDnnInstructionSet"/>); training on them does not fail, it silently learns nothing or goes NaN.
/// </summary>
internal static class ConvolutionGradientCheck
{
    /// <summary>Float gradients within this relative error of float64 ones pass (float rounding gives about 1e-7).</summary>
    public const double Tolerance = 1e-3;

    private static readonly Lazy<double> Error = new(MeasureRelativeError, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Throws when the gradients are wrong; <paramref name="device"/> other than the CPU is not checked.</summary>
    public static void EnsureCorrect(Device device)
    {
        if (device.type != TorchSharp.DeviceType.CPU) return;
        var error = Error.Value;
        if (error <= Tolerance) return;
        throw new InvalidOperationException(
            $"libtorch computes wrong convolution gradients on this processor ({OneDnnInstructionSet.ProcessorVendor()}: a relative error of {error:G3} against float64, " +
            $"{OneDnnInstructionSet.Variable}={Environment.GetEnvironmentVariable(OneDnnInstructionSet.Variable) ?? "unset"}), so a convolutional network cannot be trained here. " +
            $"Start the process with the environment variable {OneDnnInstructionSet.Variable}={OneDnnInstructionSet.SafeSet} (oneDNN's AVX kernels), or train on a GPU.");
    }

    /// <summary>
    /// The largest relative error of the input and weight gradients over the kinds of convolution the image networks
    /// use: a 4×4 stride-2 halving of a packed pair of images, a 3×3 refinement, and a 3×3 output layer to one channel.
    /// </summary>
    public static double MeasureRelativeError()
    {
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        using var random = new Generator(20261204);
        var worst = 0.0;
        foreach (var (inputs, outputs, kernel, stride) in new[] { (2L, 8L, 4L, 2L), (8L, 8L, 3L, 1L), (8L, 1L, 3L, 1L) })
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
        var output = F.conv2d(x, w, null, strides: new[] { stride, stride }, padding: new[] { 1L, 1L });
        output.backward(new[] { ones_like(output) });
        return new[] { x.grad!.detach(), w.grad!.detach() };
    }
}
