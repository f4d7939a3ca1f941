using Microsoft.ML;

namespace GanEstimators.Tests.Validation;

/// <summary>A setting that the chosen loss, architecture or encoding would ignore is an error naming it, its owner and the fix.</summary>
[TestClass]
public sealed class MisplacedOptionTests
{
    private static GanTrainer.Options Options(GanLoss loss) => new() { FeatureColumnNames = new[] { "X" }, Loss = loss };

    private static ArgumentException Refused(GanTrainer.Options options) =>
        Assert.ThrowsExactly<ArgumentException>(() => new MLContext(1).Gan().Trainer(options));

    private static void Accepted(GanTrainer.Options options) => new MLContext(1).Gan().Trainer(options);

    [TestMethod]
    [DataRow(GanLoss.Minimax)]
    [DataRow(GanLoss.NonSaturating)]
    [DataRow(GanLoss.WassersteinGradientPenalty)]
    [DataRow(GanLoss.LeastSquares)]
    [DataRow(GanLoss.Hinge)]
    public void WeightClipUnderAnotherLossIsRefused(GanLoss loss)
    {
        var options = Options(loss);
        options.WeightClip = 0.05;

        var error = Refused(options);

        Assert.AreEqual(nameof(GanTrainer.Options.WeightClip), error.ParamName);
        StringAssert.Contains(error.Message, $"Loss is {loss}");
        StringAssert.Contains(error.Message, "Loss = Wasserstein");
        StringAssert.Contains(error.Message, "Leave WeightClip null");
    }

    [TestMethod]
    [DataRow(GanLoss.Minimax)]
    [DataRow(GanLoss.NonSaturating)]
    [DataRow(GanLoss.Wasserstein)]
    [DataRow(GanLoss.LeastSquares)]
    [DataRow(GanLoss.Hinge)]
    public void GradientPenaltyWeightUnderAnotherLossIsRefused(GanLoss loss)
    {
        var options = Options(loss);
        options.GradientPenaltyWeight = 5;

        var error = Refused(options);

        Assert.AreEqual(nameof(GanTrainer.Options.GradientPenaltyWeight), error.ParamName);
        StringAssert.Contains(error.Message, $"Loss is {loss}");
        StringAssert.Contains(error.Message, "Loss = WassersteinGradientPenalty");
        StringAssert.Contains(error.Message, "Leave GradientPenaltyWeight null");
    }

    [TestMethod]
    public void EachLossKeepsItsOwnSetting()
    {
        var clipped = Options(GanLoss.Wasserstein);
        clipped.WeightClip = 0.05;
        var penalised = Options(GanLoss.WassersteinGradientPenalty);
        penalised.GradientPenaltyWeight = 5;

        Accepted(clipped);
        Accepted(penalised);
    }

    [TestMethod]
    [DataRow(GanArchitecture.Mlp)]
    [DataRow(GanArchitecture.Residual)]
    public void ImageSettingsWithATabularArchitectureAreRefused(GanArchitecture architecture)
    {
        var options = Options(GanLoss.Hinge);
        options.Architecture = architecture;
        options.Image.BaseChannels = 8;
        options.Image.GeneratorDepth = 2;

        var error = Refused(options);

        Assert.AreEqual("Image", error.ParamName);
        StringAssert.Contains(error.Message, "BaseChannels = 8, GeneratorDepth = 2");
        StringAssert.Contains(error.Message, $"Architecture is {architecture}");
        StringAssert.Contains(error.Message, "Leave Options.Image at its defaults");
    }

    [TestMethod]
    public void HiddenSizesWithDcganAreRefused()
    {
        var options = Options(GanLoss.Hinge);
        options.Architecture = GanArchitecture.Dcgan;
        options.Mlp.DiscriminatorHiddenSizes = new[] { 64 };

        var error = Refused(options);

        Assert.AreEqual("Mlp", error.ParamName);
        StringAssert.Contains(error.Message, "DiscriminatorHiddenSizes = { 64 }");
        StringAssert.Contains(error.Message, "Architecture is Dcgan");
        StringAssert.Contains(error.Message, "Leave Options.Mlp at its defaults");
    }

    [TestMethod]
    public void ModeSpecificSettingsUnderStandardizationOrDcganAreRefused()
    {
        var standardized = Options(GanLoss.Hinge);
        standardized.NumericEncoding = GanNumericEncoding.Standardization;
        standardized.ModeSpecific.SnapToObservedValues = false;
        var images = Options(GanLoss.Hinge);
        images.Architecture = GanArchitecture.Dcgan;
        images.ModeSpecific.PointMassShare = 0;

        var errors = new[] { Refused(standardized), Refused(images) };

        Assert.IsTrue(errors.All(e => e.ParamName == "ModeSpecific"), string.Join(" | ", errors.Select(e => e.Message)));
        StringAssert.Contains(errors[0].Message, "SnapToObservedValues = False");
        StringAssert.Contains(errors[0].Message, "NumericEncoding is Standardization");
        StringAssert.Contains(errors[1].Message, "PointMassShare = 0");
        StringAssert.Contains(errors[1].Message, "Architecture is Dcgan");
    }

    [TestMethod]
    public void FamilySettingsAtTheirDefaultsOrUnderTheirFamilyAreAccepted()
    {
        var standardized = Options(GanLoss.Hinge);
        standardized.NumericEncoding = GanNumericEncoding.Standardization;
        standardized.Architecture = GanArchitecture.Mlp;
        standardized.Mlp.GeneratorHiddenSizes = new[] { 32 };
        var images = Options(GanLoss.Hinge);
        images.Architecture = GanArchitecture.Dcgan;
        images.Image.BaseChannels = 8;

        Accepted(standardized);
        Accepted(images);
    }
}
