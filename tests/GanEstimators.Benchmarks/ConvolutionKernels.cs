using System.Diagnostics;
using GanEstimators.Native;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Benchmarks;

/// <summary>
/// Which float convolutions' input gradients oneDNN gets wrong on this CPU, plain and with the library's output-channel
/// padding, and what a step of convolutions shaped like the FashionGan recipe's networks costs each way. oneDNN reads
/// its instruction-set cap once per process, so run it once per <c>ONEDNN_MAX_CPU_ISA</c> value to compare kernels.
/// </summary>
internal static class ConvolutionKernels
{
    public static void Run(int steps)
    {
        Console.WriteLine($"Processor {ConvolutionChannelPadding.ProcessorVendor()}, {ConvolutionGradientCheck.InstructionSetVariable}=" +
            $"{Environment.GetEnvironmentVariable(ConvolutionGradientCheck.InstructionSetVariable) ?? "unset"}, libtorch threads {get_num_threads()}, " +
            $"padding {(ConvolutionChannelPadding.Enabled ? "on" : "off")} in the library");
        var (wrongPlain, wrongPadded, shapes) = (new List<string>(), new List<string>(), 0);
        var worstPadded = 0.0;
        using var random = new Generator(20261206);
        foreach (var outputs in new long[] { 1, 2, 3, 4, 8, 12, 15, 16, 17, 20, 24, 32, 48 })
        foreach (var inputs in new long[] { 1, 3, 16, 32 })
        foreach (var (kernel, stride) in new[] { (3L, 1L), (4L, 2L) })
        {
            using var scope = NewDisposeScope();
            var x = randn(new[] { 16L, inputs, 14, 14 }, generator: random);
            var w = randn(new[] { outputs, inputs, kernel, kernel }, generator: random);
            var reference = InputGradient(x.to(float64), w.to(float64), stride, padded: false);
            var name = $"{inputs}->{outputs} k{kernel} s{stride}";
            shapes++;
            if (ConvolutionGradientCheck.RelativeError(InputGradient(x, w, stride, padded: false), reference) > ConvolutionGradientCheck.Tolerance) wrongPlain.Add(name);
            var paddedError = ConvolutionGradientCheck.RelativeError(InputGradient(x, w, stride, padded: true), reference);
            worstPadded = Math.Max(worstPadded, paddedError);
            if (paddedError > ConvolutionGradientCheck.Tolerance) wrongPadded.Add(name);
        }
        Console.WriteLine($"Input gradients off by more than {ConvolutionGradientCheck.Tolerance:G} (relative, against float64), of {shapes} shapes (batch 16, 14×14):");
        Console.WriteLine($"  plain conv2d: {wrongPlain.Count}{(wrongPlain.Count > 0 ? ": " + string.Join(", ", wrongPlain) : "")}");
        Console.WriteLine($"  output channels padded to a multiple of {ConvolutionChannelPadding.Multiple}: {wrongPadded.Count} (largest error {worstPadded:G2})");

        var (plainStep, paddedStep) = StepMilliseconds(steps);
        Console.WriteLine($"Recipe-shaped step (base 64, depth 2, batch 128; forward and backward of both networks), median of {steps} each, " +
            $"alternating: plain {plainStep:F0} ms, padded {paddedStep:F0} ms");
    }

    private static Tensor InputGradient(Tensor input, Tensor weight, long stride, bool padded)
    {
        var x = input.detach().requires_grad_(true);
        var output = Convolve(x, weight, stride, padded);
        output.backward(new[] { ones_like(output) });
        return x.grad!.detach();
    }

    private static Tensor Convolve(Tensor input, Tensor weight, long stride, bool padded) => padded
        ? ConvolutionChannelPadding.ConvolvePadded(input, weight, null, stride, padding: 1)
        : F.conv2d(input, weight, null, new[] { stride, stride }, new[] { 1L, 1L });

    /// <summary>
    /// The convolutions of the recipe's networks from the generator's second refinement on (no norms between them): a
    /// 64-channel 3×3 refinement, the transposed upsampling to 32 channels, a 32-channel refinement, the output layer to
    /// one channel, then the discriminator's four convolutions on it (10 condition channels beside the image).
    /// </summary>
    private static (double Plain, double Padded) StepMilliseconds(int steps)
    {
        using var random = new Generator(7);
        Tensor Weight(long outputs, long inputs, long kernel) => randn(new[] { outputs, inputs, kernel, kernel }, generator: random).mul(0.05).requires_grad_(true);
        var (refine0, up1, refine1, output) = (Weight(64, 64, 3), Weight(64, 32, 4), Weight(32, 32, 3), Weight(1, 32, 3));
        var (conv0, refineD0, conv1, refineD1) = (Weight(64, 11, 4), Weight(64, 64, 3), Weight(128, 64, 4), Weight(128, 128, 3));
        var times = new[] { new List<double>(), new List<double>() };
        for (var step = 0; step < 2 * (steps + 2); step++)
        {
            var padded = step % 2 == 1;
            using var scope = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            var h = F.relu(Convolve(randn(new[] { 128L, 64, 14, 14 }, generator: random).requires_grad_(true), refine0, 1, padded));
            h = F.relu(F.conv_transpose2d(h, up1, null, strides: new[] { 2L, 2 }, padding: new[] { 1L, 1 }));
            h = F.relu(Convolve(h, refine1, 1, padded));
            var image = Convolve(h, output, 1, padded).tanh();
            var d = cat(new[] { image, zeros(128, 10, 28, 28) }, 1);
            foreach (var (weight, stride) in new[] { (conv0, 2L), (refineD0, 1L), (conv1, 2L), (refineD1, 1L) })
                d = F.leaky_relu(Convolve(d, weight, stride, padded), 0.2);
            d.mean().backward();
            if (step >= 4) times[step % 2].Add(clock.Elapsed.TotalMilliseconds);
            foreach (var weight in new[] { refine0, up1, refine1, output, conv0, refineD0, conv1, refineD1 }) weight.grad?.zero_();
        }
        return (Median(times[0]), Median(times[1]));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
