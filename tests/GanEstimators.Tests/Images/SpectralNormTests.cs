using GanEstimators.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Tests.Images;

[TestClass]
public sealed class SpectralNormTests
{
    [TestMethod]
    public void TrainingPassesBringTheLargestSingularValueOfALinearWeightToOne()
    {
        torch.random.manual_seed(1);
        using var layer = new SpectralNorm("sn", nn.Linear(48, 24));
        var input = randn(8, 48);

        for (var i = 0; i < 30; i++) layer.forward(input).Dispose();

        Assert.AreEqual(1.0, LargestSingularValue(layer), 0.05);
    }

    [TestMethod]
    public void TrainingPassesBringTheLargestSingularValueOfAConvolutionWeightToOne()
    {
        torch.random.manual_seed(2);
        using var layer = new SpectralNorm("sn", new ConvolutionLayer(3, 16, kernelSize: 4, stride: 2, padding: 1));
        var input = randn(2, 3, 8, 8);

        for (var i = 0; i < 30; i++) layer.forward(input).Dispose();

        Assert.AreEqual(1.0, LargestSingularValue(layer), 0.05);
    }

    [TestMethod]
    public void TheConvolutionKeepsItsStrideAndPaddingAndOnlyItsWeightIsScaled()
    {
        torch.random.manual_seed(3);
        var convolution = new ConvolutionLayer(2, 5, kernelSize: 4, stride: 2, padding: 1);
        using var layer = new SpectralNorm("sn", convolution);
        var input = randn(3, 2, 8, 8);
        layer.eval();
        using var _ = no_grad();

        var expected = nn.functional.conv2d(input, layer.NormalisedWeight(), convolution.Bias, new long[] { 2, 2 }, new long[] { 1, 1 });
        var actual = layer.forward(input);

        CollectionAssert.AreEqual(new long[] { 3, 5, 4, 4 }, actual.shape);
        Assert.IsTrue(actual.allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    [TestMethod]
    public void EvaluationLeavesTheSingularVectorsAloneAndTheyTravelWithTheStateDict()
    {
        torch.random.manual_seed(4);
        using var layer = new SpectralNorm("sn", nn.Linear(6, 4));
        var input = randn(5, 6);
        for (var i = 0; i < 3; i++) layer.forward(input).Dispose();
        layer.eval();
        using var _ = no_grad();
        var before = layer.forward(input).clone();
        var again = layer.forward(input);
        Assert.IsTrue(before.allclose(again, rtol: 0, atol: 0), "eval-mode passes must not iterate");

        using var stream = new MemoryStream();
        layer.save(new BinaryWriter(stream));
        Assert.IsTrue(layer.state_dict().ContainsKey("u") && layer.state_dict().ContainsKey("v"), string.Join(", ", layer.state_dict().Keys));
        torch.random.manual_seed(99);
        using var copy = new SpectralNorm("sn", nn.Linear(6, 4));
        stream.Position = 0;
        copy.load(new BinaryReader(stream));
        copy.eval();

        Assert.IsTrue(before.allclose(copy.forward(input), rtol: 0, atol: 0), "a loaded copy scores the same");
    }

    [TestMethod]
    public void TheSingularVectorsMoveWithTheModule()
    {
        torch.random.manual_seed(5);
        using var layer = new SpectralNorm("sn", nn.Linear(6, 4));

        // A dtype change takes the same path as a device change: buffers are replaced, so the fields must follow.
        layer.to(float64);
        var output = layer.forward(randn(3, 6, dtype: float64));

        Assert.AreEqual(float64, output.dtype);
        Assert.AreEqual(float64, layer.state_dict()["u"].dtype);
    }

    private static double LargestSingularValue(SpectralNorm layer)
    {
        using var _ = no_grad();
        var weight = layer.NormalisedWeight();
        return linalg.svdvals(weight.reshape(weight.shape[0], -1))[0].item<float>();
    }
}
