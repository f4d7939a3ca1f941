using GanEstimators.Encoding;
using GanEstimators.Networks;
using GanEstimators.Persistence;

namespace GanEstimators.Tests.Persistence;

/// <summary>
/// Before a loaded model's generator is built, its spec must not claim more weights than the file holds; the bound is
/// only worth something if it is close to what the network really has, so an edited width cannot allocate far more
/// than the file could ever fill. Here: the bound against each generator family as built, conditional or not.
/// </summary>
[TestClass]
public sealed class SavedNetworkSizeTests
{
    private static GeneratorSpec Spec(string family)
    {
        OutputSpan[] spans = { new(0, 30, SpanActivation.Tanh) };
        return family switch
        {
            "mlp" => GeneratorSpec.Tabular(GanArchitecture.Mlp, new MlpSpec(16, 12, new[] { 64, 48 }, 30), spans),
            "residual" => GeneratorSpec.Tabular(GanArchitecture.Residual, new MlpSpec(16, 0, new[] { 64, 48 }, 30), spans),
            "conditional residual" => GeneratorSpec.Tabular(GanArchitecture.Residual, new MlpSpec(16, 400, new[] { 64, 48 }, 30), spans),
            _ => GeneratorSpec.Image(new DcganGeneratorSpec(new ImageShape(1, 8, 8), 4, 300, 200, BaseChannels: 2), spans),
        };
    }

    [TestMethod]
    [DataRow("mlp")]
    [DataRow("residual")]
    [DataRow("conditional residual")]
    [DataRow("conditional dcgan")]
    public void TheWeightsASpecNeedsAreALowerBoundCloseToTheBuiltNetwork(string family)
    {
        var spec = Spec(family);
        using var network = new GeneratorNetwork(spec);
        var built = network.parameters().Sum(p => p.numel());

        var minimum = SavedNetworks.MinimumWeights(spec);

        Assert.IsLessThanOrEqualTo(built, minimum, $"{family}: never more than the network has");
        Assert.IsGreaterThanOrEqualTo(0.9 * built, minimum, $"{family}: {minimum} of {built} weights counted");
    }
}
