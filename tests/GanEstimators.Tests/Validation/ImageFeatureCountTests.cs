using Microsoft.ML;

namespace GanEstimators.Tests.Validation;

/// <summary>The image networks take one pixel vector: asking for them, by architecture or by shape, with two features is refused.</summary>
[TestClass]
public sealed class ImageFeatureCountTests
{
    [TestMethod]
    [DataRow(true, false, "Architecture = Dcgan")]
    [DataRow(false, true, "Image.Shape is set")]
    [DataRow(true, true, "Architecture = Dcgan")]
    public void TwoFeaturesForTheImageNetworksAreRefused(bool dcgan, bool shape, string because)
    {
        var options = new GanTrainer.Options { FeatureColumnNames = new[] { "Pixels", "Other" } };
        if (dcgan) options.Architecture = GanArchitecture.Dcgan;
        if (shape) options.Image.Shape = (1, 8, 8);

        var error = Assert.ThrowsExactly<ArgumentException>(() => new MLContext(1).Gan().Trainer(options));

        Assert.AreEqual(nameof(GanTrainer.Options.FeatureColumnNames), error.ParamName);
        StringAssert.Contains(error.Message, because);
        StringAssert.Contains(error.Message, "exactly one feature column");
    }

    [TestMethod]
    public void OneFeatureForTheImageNetworksIsAccepted()
    {
        new MLContext(1).Gan().Trainer(new GanTrainer.Options { FeatureColumnNames = new[] { "Pixels" }, Architecture = GanArchitecture.Dcgan, Image = { Shape = (1, 8, 8) } });
    }
}
