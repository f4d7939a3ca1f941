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
        _ = new Microsoft.ML.MLContext(1).Gan();   // loads the library, as any user does before training

        Assert.IsLessThan(ConvolutionGradientCheck.Tolerance, ConvolutionGradientCheck.MeasureRelativeError(),
            $"processor {ConvolutionChannelPadding.ProcessorVendor()}, padding {(ConvolutionChannelPadding.Enabled ? "on" : "off")}, " +
            $"{ConvolutionGradientCheck.InstructionSetVariable}={Environment.GetEnvironmentVariable(ConvolutionGradientCheck.InstructionSetVariable) ?? "unset"}");
    }

    [TestMethod]
    [DataRow("AuthenticAMD", true)]
    [DataRow("GenuineIntel", false)]
    [DataRow("", false)]
    public void OnlyAnAmdProcessorPadsItsConvolutions(string vendor, bool padded) =>
        Assert.AreEqual(padded, ConvolutionChannelPadding.AppliesTo(vendor));

    [TestMethod]
    [DataRow(1L, 16L)]
    [DataRow(3L, 16L)]
    [DataRow(16L, 16L)]
    [DataRow(17L, 32L)]
    [DataRow(64L, 64L)]
    public void OutputChannelsArePaddedToTheNextMultipleOf16(long outputs, long padded) =>
        Assert.AreEqual(padded, ConvolutionChannelPadding.PaddedCount(outputs));

    [TestMethod]
    public void TheLayerIsNnConv2dWithTheSameParametersDrawsAndOutput()
    {
        manual_seed(5);
        using var reference = nn.Conv2d(3, 5, kernel_size: 4, stride: 2, padding: 1);
        manual_seed(5);
        using var layer = new ConvolutionLayer(3, 5, kernelSize: 4, stride: 2, padding: 1);
        var names = layer.state_dict().Keys.ToArray();
        CollectionAssert.AreEqual(reference.state_dict().Keys.ToArray(), names);
        foreach (var name in names)
            Assert.IsTrue(reference.state_dict()[name].eq(layer.state_dict()[name]).all().item<bool>(), name);

        using var input = randn(2, 3, 8, 8);
        using (no_grad())
            Assert.IsTrue(reference.forward(input).allclose(layer.forward(input), rtol: 1e-5, atol: 1e-6));
    }

    [TestMethod]
    public void APaddedConvolutionKeepsItsOutputAndGradientsShapes()
    {
        manual_seed(3);
        using var layer = new ConvolutionLayer(4, 3, kernelSize: 3, padding: 1);
        var input = randn(2, 4, 6, 6).requires_grad_(true);
        var output = layer.forward(input);
        CollectionAssert.AreEqual(new long[] { 2, 3, 6, 6 }, output.shape);
        output.sum().backward();
        CollectionAssert.AreEqual(new long[] { 2, 4, 6, 6 }, input.grad!.shape);
        CollectionAssert.AreEqual(new long[] { 3, 4, 3, 3 }, layer.Weight.grad!.shape);
    }
}
