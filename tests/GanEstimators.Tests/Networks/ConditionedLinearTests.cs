using GanEstimators.Networks;
using static TorchSharp.torch;

namespace GanEstimators.Tests.Networks;

[TestClass]
public sealed class ConditionedLinearTests
{
    [TestMethod]
    public void ItComputesTheLinearLayerOfTheConcatenationAndItsGradients()
    {
        random.manual_seed(3);
        using var layer = new ConditionedLinear("layer", 3, 5, 4);
        var x = randn(6, 3).requires_grad_(true);
        // One-hot, multi-hot (a packed pair), no condition at all, and a soft weight.
        var c = tensor(new float[,]
        {
            { 1, 0, 0, 0, 0 }, { 0, 0, 1, 0, 1 }, { 0, 0, 0, 0, 0 }, { 0, 1, 0, 0, 0 }, { 0, 0, 0, 0.5f, 0 }, { 1, 1, 1, 1, 1 },
        });
        var parameters = layer.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var weight = cat(new[] { parameters["input.weight"], parameters["condition"].t() }, 1);
        var expected = nn.functional.linear(cat(new[] { x, c }, 1), weight, parameters["input.bias"]);

        var actual = layer.forward(x, c);
        Assert.IsTrue(allclose(expected, actual, rtol: 1e-5, atol: 1e-6), "same values as Linear over [x, c]");

        var expectedGradient = autograd.grad(new[] { expected.pow(2).sum() }, new[] { x, parameters["condition"] });
        var actualGradient = autograd.grad(new[] { actual.pow(2).sum() }, new[] { x, parameters["condition"] });
        for (var i = 0; i < 2; i++)
            Assert.IsTrue(allclose(expectedGradient[i], actualGradient[i], rtol: 1e-5, atol: 1e-6), $"same gradient {i}");
    }
}
