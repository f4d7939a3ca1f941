using TorchSharp;
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
            $"oneDNN's kernels differ per instruction set: start the process with {InstructionSetVariable} set to another one (AVX512_CORE, AVX2 or AVX; " +
            "on an AMD EPYC only oneDNN's own choice, AVX-512, with this library's padding was right), or train on a GPU.");
    }

    /// <summary>
    /// The largest relative error of the input, weight and bias gradients over the kinds of convolution the image
    /// networks use, computed as the networks compute them against plain float64 ones: 4×4 stride-2 halvings of one
    /// image and of a packed pair, 3×3 refinements of 8, 16 and 32 channels, 3×3 output layers to one and three channels
    /// (counts below, at and above oneDNN's vector widths), a transposed 4×4 stride-2 doubling, and the weight gradients
    /// of WGAN-GP's gradient penalty (a second derivative) through small critics of one and three input channels.
    /// </summary>
    public static double MeasureRelativeError()
    {
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        using var random = new Generator(20261204);
        var worst = 0.0;
        foreach (var (inputs, outputs, kernel, stride, size) in new[] { (1L, 4L, 4L, 2L, 8L), (2L, 8L, 4L, 2L, 8L), (8L, 8L, 3L, 1L, 8L), (16L, 16L, 3L, 1L, 8L), (32L, 32L, 3L, 1L, 14L), (8L, 1L, 3L, 1L, 8L), (16L, 3L, 3L, 1L, 8L) })
        {
            var input = randn(new[] { 8L, inputs, size, size }, generator: random);
            var weight = randn(new[] { outputs, inputs, kernel, kernel }, generator: random);
            var bias = randn(outputs, generator: random);
            worst = Math.Max(worst, WorstError(
                Gradients(input, weight, bias, (x, w, b) => ConvolutionChannelPadding.Convolve(x, w, b, stride, padding: 1)),
                Gradients(input.to(float64), weight.to(float64), bias.to(float64), (x, w, b) => Plain(x, w, b, stride))));
        }
        {
            var input = randn(new[] { 8L, 16L, 7, 7 }, generator: random);
            var weight = randn(new[] { 16L, 8L, 4, 4 }, generator: random);
            var bias = randn(8, generator: random);
            Tensor Transposed(Tensor x, Tensor w, Tensor b) => nn.functional.conv_transpose2d(x, w, b, strides: new[] { 2L, 2L }, padding: new[] { 1L, 1L });
            worst = Math.Max(worst, WorstError(Gradients(input, weight, bias, Transposed), Gradients(input.to(float64), weight.to(float64), bias.to(float64), Transposed)));
        }
        foreach (var (inputs, width) in new[] { (1L, 4L), (3L, 12L) })
        {
            var input = randn(new[] { 8L, inputs, 16, 16 }, generator: random);
            var weights = new[] { (width, inputs, 4L), (width, width, 3L), (2 * width, width, 4L) }
                .Select(shape => randn(new[] { shape.Item1, shape.Item2, shape.Item3, shape.Item3 }, generator: random).mul(Slope)).ToArray();
            worst = Math.Max(worst, WorstError(
                PenaltyGradients(input, weights, (x, w, stride) => ConvolutionChannelPadding.Convolve(x, w, null, stride, padding: 1)),
                PenaltyGradients(input.to(float64), weights.Select(w => w.to(float64)).ToArray(), (x, w, stride) => Plain(x, w, null, stride))));
        }
        return worst;
    }

    // Rooted (see TorchScalars): the weights' scale and the critic's leaky-ReLU slope.
    private static readonly Scalar Slope = 0.2.ToScalar();

    private static Tensor Plain(Tensor input, Tensor weight, Tensor? bias, long stride) =>
        nn.functional.conv2d(input, weight, bias, new[] { stride, stride }, new[] { 1L, 1L });

    private static double WorstError(Tensor[] single, Tensor[] reference)
    {
        var worst = 0.0;
        for (var i = 0; i < single.Length; i++) worst = Math.Max(worst, RelativeError(single[i], reference[i]));
        return worst;
    }

    /// <summary>max |single − reference| / max |reference|, with NaN as infinity (a NaN gradient is as wrong as it gets).</summary>
    public static double RelativeError(Tensor single, Tensor reference)
    {
        var error = (single.to(float64) - reference).abs().max().item<double>() / reference.abs().max().item<double>();
        return double.IsNaN(error) ? double.PositiveInfinity : error;
    }

    /// <summary>The input, weight and bias gradients of the sum of a convolution's outputs.</summary>
    private static Tensor[] Gradients(Tensor input, Tensor weight, Tensor bias, Func<Tensor, Tensor, Tensor, Tensor> convolve)
    {
        var (x, w, b) = (input.detach().requires_grad_(true), weight.detach().requires_grad_(true), bias.detach().requires_grad_(true));
        var output = convolve(x, w, b);
        output.backward(new[] { ones_like(output) });
        return new[] { x.grad!.detach(), w.grad!.detach(), b.grad!.detach() };
    }

    /// <summary>The weight gradients of (‖∂D/∂x‖ − 1)² for a critic D of three leaky-ReLU convolutions (4×4/2, 3×3, 4×4/2).</summary>
    private static Tensor[] PenaltyGradients(Tensor input, Tensor[] weights, Func<Tensor, Tensor, long, Tensor> convolve)
    {
        var x = input.detach().requires_grad_(true);
        var w = weights.Select(weight => weight.detach().requires_grad_(true)).ToArray();
        var h = x;
        foreach (var (weight, stride) in new[] { (w[0], 2L), (w[1], 1L), (w[2], 2L) })
            h = convolve(h, weight, stride).leaky_relu(Slope);
        var score = h.sum(new long[] { 1, 2, 3 });
        var slope = autograd.grad(new[] { score }, new[] { x }, new[] { ones_like(score) }, retain_graph: true, create_graph: true)[0];
        (slope.reshape(slope.shape[0], -1).norm(1) - TorchScalars.One).pow(TorchScalars.Two).mean().backward();
        return w.Select(weight => weight.grad!.detach()).ToArray();
    }
}
