using GanEstimators.Native;
using GanEstimators.Networks;
using static TorchSharp.torch;

namespace GanEstimators.Tests.Native;

/// <summary>
/// libtorch's float convolution gradients on this machine's CPU, as the image networks get them. On an AMD EPYC
/// oneDNN's AVX2 and AVX-512 input gradients are wrong (relative error 0.07-2, sometimes NaN) for output-channel counts
/// that are not a multiple of 8 or 16, so the library's convolutions pad their output channels there.
/// </summary>
[TestClass]
public sealed class ConvolutionKernelTests
{
    [TestMethod]
    public void ConvolutionGradientsAgreeWithDoublePrecision()
    {
        Assert.IsLessThan(ConvolutionGradientCheck.Tolerance, ConvolutionGradientCheck.MeasureRelativeError(),
            $"processor {ConvolutionChannelPadding.ProcessorVendor()}, padding {(ConvolutionChannelPadding.Enabled ? "on" : "off")}, " +
            $"{ConvolutionGradientCheck.InstructionSetVariable}={Environment.GetEnvironmentVariable(ConvolutionGradientCheck.InstructionSetVariable) ?? "unset"}");
    }

    [TestMethod]
    [DataRow("AuthenticAMD", true, true)]
    [DataRow("AuthenticAMD", false, false)]
    [DataRow("GenuineIntel", true, false)]
    [DataRow("", false, false)]
    public void OnlyAnAmdProcessorWithAvx2PadsItsConvolutions(string vendor, bool avx2, bool padded) =>
        Assert.AreEqual(padded, ConvolutionChannelPadding.AppliesTo(vendor, avx2));

    [TestMethod]
    [DataRow(1L, 16L)]
    [DataRow(3L, 16L)]
    [DataRow(16L, 16L)]
    [DataRow(17L, 32L)]
    [DataRow(64L, 64L)]
    public void OutputChannelsArePaddedToTheNextMultipleOf16(long outputs, long padded) =>
        Assert.AreEqual(padded, ConvolutionChannelPadding.PaddedCount(outputs));

    [TestMethod]
    public void TheLayerIsNnConv2dWithTheSameParametersDrawsOutputAndInputGradient()
    {
        manual_seed(5);
        using var reference = nn.Conv2d(3, 5, kernel_size: 4, stride: 2, padding: 1);
        manual_seed(5);
        using var layer = new ConvolutionLayer(3, 5, kernelSize: 4, stride: 2, padding: 1);
        var names = layer.state_dict().Keys.ToArray();
        CollectionAssert.AreEqual(reference.state_dict().Keys.ToArray(), names);
        foreach (var name in names)
            Assert.IsTrue(reference.state_dict()[name].eq(layer.state_dict()[name]).all().item<bool>(), name);

        // With a gradient to compute, the layer takes the padded path where the padding is on, so its input gradient is
        // compared with float64's: nn.Conv2d's own is what is wrong on such a processor (see the class summary).
        using var input = randn(2, 3, 8, 8);
        var x = input.to(float64).requires_grad_(true);
        var y = input.clone().requires_grad_(true);
        var expected = nn.functional.conv2d(x, reference.weight!.to(float64), reference.bias!.to(float64), new[] { 2L, 2L }, new[] { 1L, 1L });
        var actual = layer.forward(y);
        Assert.IsTrue(expected.to(float32).allclose(actual, rtol: 1e-5, atol: 1e-5), "output");
        expected.sum().backward();
        actual.sum().backward();
        Assert.IsTrue(x.grad!.to(float32).allclose(y.grad!, rtol: 1e-5, atol: 1e-5), "input gradient");
    }

    [TestMethod]
    [DataRow(1L, 4L, 4L, 2L)]
    [DataRow(8L, 1L, 3L, 1L)]
    [DataRow(16L, 3L, 3L, 1L)]
    [DataRow(4L, 17L, 3L, 1L)]
    public void APaddedConvolutionHasThePlainOnesOutputAndGradients(long inputs, long outputs, long kernel, long stride)
    {
        // float64, where no kernel here is wrong, so the padding is compared with the plain convolution on any processor.
        manual_seed(9);
        using var input = randn(new[] { 3L, inputs, 8, 8 }, dtype: float64);
        using var weight = randn(new[] { outputs, inputs, kernel, kernel }, dtype: float64);
        using var bias = randn(new[] { outputs }, dtype: float64);
        var plain = OutputAndGradients(input, weight, bias, (x, w, b) => nn.functional.conv2d(x, w, b, new[] { stride, stride }, new[] { 1L, 1L }));
        var padded = OutputAndGradients(input, weight, bias, (x, w, b) => ConvolutionChannelPadding.ConvolvePadded(x, w, b, stride, padding: 1));
        var what = new[] { "output", "input gradient", "weight gradient", "bias gradient" };
        for (var i = 0; i < what.Length; i++)
        {
            CollectionAssert.AreEqual(plain[i].shape, padded[i].shape, what[i]);
            Assert.IsTrue(plain[i].allclose(padded[i], rtol: 1e-12, atol: 1e-12), what[i]);
        }
    }

    private static Tensor[] OutputAndGradients(Tensor input, Tensor weight, Tensor bias, Func<Tensor, Tensor, Tensor, Tensor> convolve)
    {
        var (x, w, b) = (input.clone().requires_grad_(true), weight.clone().requires_grad_(true), bias.clone().requires_grad_(true));
        var output = convolve(x, w, b);
        (output * output).sum().backward();
        return new[] { output.detach(), x.grad!, w.grad!, b.grad! };
    }
}
