namespace GanEstimators.Tests.Validation;

/// <summary>The family-specific settings live in nested groups, start at <see cref="GanTrainer.Defaults"/>, and cannot be removed.</summary>
[TestClass]
public sealed class OptionGroupTests
{
    [TestMethod]
    public void NewOptionsHoldTheDocumentedDefaults()
    {
        var options = new GanTrainer.Options();

        Assert.AreEqual(GanTrainer.Defaults.NumericEncoding, options.NumericEncoding);
        Assert.AreEqual(GanTrainer.Defaults.MaxCategorySlots, options.MaxCategorySlots);
        Assert.AreEqual(GanTrainer.Defaults.ClampToObservedRange, options.ModeSpecific.ClampToObservedRange);
        Assert.AreEqual(GanTrainer.Defaults.SnapToObservedValues, options.ModeSpecific.SnapToObservedValues);
        Assert.AreEqual(GanTrainer.Defaults.PointMassShare, options.ModeSpecific.PointMassShare);
        Assert.AreEqual(GanTrainer.Defaults.EncodeDateCycles, options.ModeSpecific.EncodeDateCycles);
        Assert.AreEqual(GanTrainer.Defaults.Architecture, options.Architecture);
        Assert.IsNull(options.Image.Shape);
        Assert.AreEqual(GanTrainer.Defaults.ImageBaseChannels, options.Image.BaseChannels);
        Assert.AreEqual(GanTrainer.Defaults.ImageGeneratorDepth, options.Image.GeneratorDepth);
        Assert.AreEqual(GanTrainer.Defaults.ImageDiscriminatorDepth, options.Image.DiscriminatorDepth);
        Assert.AreEqual(GanTrainer.Defaults.SpectralNormalization, options.Image.SpectralNormalization);
        CollectionAssert.AreEqual(GanTrainer.Defaults.GeneratorHiddenSizes.ToArray(), options.Mlp.GeneratorHiddenSizes);
        CollectionAssert.AreEqual(GanTrainer.Defaults.DiscriminatorHiddenSizes.ToArray(), options.Mlp.DiscriminatorHiddenSizes);
        Assert.AreEqual(GanTrainer.Defaults.BalanceConditionClasses, options.BalanceConditionClasses);
        Assert.AreEqual(GanTrainer.Defaults.FrequencyMatchingWeight, options.FrequencyMatchingWeight);
        Assert.AreEqual(GanTrainer.Defaults.Loss, options.Loss);
        Assert.AreEqual(GanTrainer.Defaults.Epochs, options.Epochs);
        Assert.AreEqual(GanTrainer.Defaults.BatchSize, options.BatchSize);
        Assert.AreEqual(GanTrainer.Defaults.NoiseDimension, options.NoiseDimension);
        Assert.AreEqual(GanTrainer.Defaults.GeneratorAverageDecay, options.GeneratorAverageDecay);
        Assert.AreEqual(GanTrainer.Defaults.PacSize, options.PacSize);
        Assert.AreEqual(GanTrainer.Defaults.NonFinitePolicy, options.NonFinitePolicy);
        Assert.AreEqual(GanTrainer.Defaults.EnableDiagnostics, options.EnableDiagnostics);
        Assert.AreEqual(GanTrainer.Defaults.KeepTrainingState, options.KeepTrainingState);
        Assert.IsNull(options.DiscriminatorSteps);
        Assert.IsNull(options.WeightClip);
        Assert.IsNull(options.GradientPenaltyWeight);
    }

    [TestMethod]
    public void EachOptionsObjectHasItsOwnHiddenSizes()
    {
        var first = new GanTrainer.Options();
        first.Mlp.GeneratorHiddenSizes[0] = 1;

        Assert.AreEqual(256, new GanTrainer.Options().Mlp.GeneratorHiddenSizes[0]);
        Assert.AreEqual(256, GanTrainer.Defaults.GeneratorHiddenSizes[0]);
    }

    [TestMethod]
    public void NestedInitializersChangeOnlyWhatTheyName()
    {
        var options = new GanTrainer.Options { Image = { BaseChannels = 8 }, ModeSpecific = { PointMassShare = 0 } };

        Assert.AreEqual(8, options.Image.BaseChannels);
        Assert.AreEqual(GanTrainer.Defaults.ImageGeneratorDepth, options.Image.GeneratorDepth);
        Assert.AreEqual(0, options.ModeSpecific.PointMassShare);
        Assert.AreEqual(GanTrainer.Defaults.SnapToObservedValues, options.ModeSpecific.SnapToObservedValues);
    }

    [TestMethod]
    public void AGroupCannotBeSetToNull()
    {
        var options = new GanTrainer.Options();

        Assert.AreEqual("Image", Assert.ThrowsExactly<ArgumentNullException>(() => options.Image = null!).ParamName);
        Assert.AreEqual("Mlp", Assert.ThrowsExactly<ArgumentNullException>(() => options.Mlp = null!).ParamName);
        Assert.AreEqual("ModeSpecific", Assert.ThrowsExactly<ArgumentNullException>(() => options.ModeSpecific = null!).ParamName);
    }

    [TestMethod]
    public void AWholeGroupCanBeGiven()
    {
        var image = new GanTrainer.ImageOptions { BaseChannels = 4 };

        var options = new GanTrainer.Options { Image = image };

        Assert.AreSame(image, options.Image);
    }
}
