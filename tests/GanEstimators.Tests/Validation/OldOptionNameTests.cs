namespace GanEstimators.Tests.Validation;

/// <summary>The option names of the first release still compile, with a warning, and reach the same settings as the new ones.</summary>
[TestClass]
public sealed class OldOptionNameTests
{
#pragma warning disable CS0618 // the old names are what is tested
    [TestMethod]
    public void OldNamesWriteTheNewSettings()
    {
        var shape = new GanImageShape(1, 8, 8);
        var options = new GanTrainer.Options
        {
            ClampToObservedRange = false,
            SnapToObservedValues = false,
            PointMassShare = 0.25,
            EncodeDateCycles = false,
            ImageShape = shape,
            ImageBaseChannels = 8,
            ImageGeneratorDepth = 2,
            ImageDiscriminatorDepth = 3,
            SpectralNormalization = true,
            GeneratorHiddenSizes = new[] { 7 },
            DiscriminatorHiddenSizes = new[] { 9, 9 },
            CriticSteps = 4,
        };

        Assert.IsFalse(options.ModeSpecific.ClampToObservedRange);
        Assert.IsFalse(options.ModeSpecific.SnapToObservedValues);
        Assert.AreEqual(0.25, options.ModeSpecific.PointMassShare);
        Assert.IsFalse(options.ModeSpecific.EncodeDateCycles);
        Assert.AreSame(shape, options.Image.Shape);
        Assert.AreEqual(8, options.Image.BaseChannels);
        Assert.AreEqual(2, options.Image.GeneratorDepth);
        Assert.AreEqual(3, options.Image.DiscriminatorDepth);
        Assert.IsTrue(options.Image.SpectralNormalization);
        CollectionAssert.AreEqual(new[] { 7 }, options.Mlp.GeneratorHiddenSizes);
        CollectionAssert.AreEqual(new[] { 9, 9 }, options.Mlp.DiscriminatorHiddenSizes);
        Assert.AreEqual(4, options.DiscriminatorSteps);
    }

    [TestMethod]
    public void OldNamesReadTheNewSettings()
    {
        var shape = new GanImageShape(3, 16, 16);
        var options = new GanTrainer.Options
        {
            ModeSpecific = { ClampToObservedRange = false, SnapToObservedValues = false, PointMassShare = 0.5, EncodeDateCycles = false },
            Image = { Shape = shape, BaseChannels = 16, GeneratorDepth = 4, DiscriminatorDepth = 2, SpectralNormalization = true },
            Mlp = { GeneratorHiddenSizes = new[] { 3 }, DiscriminatorHiddenSizes = new[] { 5 } },
            DiscriminatorSteps = 2,
        };

        Assert.IsFalse(options.ClampToObservedRange);
        Assert.IsFalse(options.SnapToObservedValues);
        Assert.AreEqual(0.5, options.PointMassShare);
        Assert.IsFalse(options.EncodeDateCycles);
        Assert.AreSame(shape, options.ImageShape);
        Assert.AreEqual(16, options.ImageBaseChannels);
        Assert.AreEqual(4, options.ImageGeneratorDepth);
        Assert.AreEqual(2, options.ImageDiscriminatorDepth);
        Assert.IsTrue(options.SpectralNormalization);
        CollectionAssert.AreEqual(new[] { 3 }, options.GeneratorHiddenSizes);
        CollectionAssert.AreEqual(new[] { 5 }, options.DiscriminatorHiddenSizes);
        Assert.AreEqual(2, options.CriticSteps);
    }

#pragma warning restore CS0618

    [TestMethod]
    public void EveryOldNameIsObsoleteAndNamesItsReplacement()
    {
        var old = new[]
        {
            "ClampToObservedRange", "SnapToObservedValues", "PointMassShare", "EncodeDateCycles", "ImageShape", "ImageBaseChannels",
            "ImageGeneratorDepth", "ImageDiscriminatorDepth", "SpectralNormalization", "GeneratorHiddenSizes", "DiscriminatorHiddenSizes",
            "CriticSteps", "MaxImageNetworkDepth", "MaxImageBaseChannels", "MaxHiddenLayerWidth", "MaxHiddenLayers",
        };
        foreach (var name in old)
        {
            var member = typeof(GanTrainer.Options).GetMember(name).Single();
            var obsolete = member.GetCustomAttributes(typeof(ObsoleteAttribute), false).Cast<ObsoleteAttribute>().SingleOrDefault();
            Assert.IsNotNull(obsolete, $"{name} is marked obsolete");
            Assert.IsFalse(obsolete.IsError, $"{name} still compiles");
            StringAssert.StartsWith(obsolete.Message, "Use ", name);
            StringAssert.EndsWith(obsolete.Message, "; this name will be removed in the next release.", name);
        }
        var limits = new Dictionary<string, int>
        {
            ["MaxImageNetworkDepth"] = GanTrainer.ImageOptions.MaxNetworkDepth,
            ["MaxImageBaseChannels"] = GanTrainer.ImageOptions.MaxBaseChannels,
            ["MaxHiddenLayerWidth"] = GanTrainer.MlpOptions.MaxHiddenLayerWidth,
            ["MaxHiddenLayers"] = GanTrainer.MlpOptions.MaxHiddenLayers,
        };
        foreach (var (name, value) in limits)
            Assert.AreEqual(value, typeof(GanTrainer.Options).GetField(name)!.GetRawConstantValue(), name);
        var current = typeof(GanTrainer.Options).GetProperties().Where(p => !p.IsDefined(typeof(ObsoleteAttribute), false)).Select(p => p.Name);
        CollectionAssert.IsSubsetOf(new[] { "ModeSpecific", "Image", "Mlp", "DiscriminatorSteps" }, current.ToArray());
    }
}
