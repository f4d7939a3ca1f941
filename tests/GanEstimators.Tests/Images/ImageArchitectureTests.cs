using GanEstimators.Tests.Support;
using GanEstimators.Loading;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Images;

[TestClass]
public sealed class ImageArchitectureTests
{
    private static readonly byte[] Labels = Enumerable.Range(0, 32).Select(i => (byte)(i % 3)).ToArray();

    [TestMethod]
    public void AutoPicksDcganForIdxImagesAndKeepsTheirDimensions()
    {
        using var files = new IdxTestFiles();
        var ml = new MLContext(1);
        var data = IdxImages.Load(ml, files.Images("images", Labels.Length, rows: 8, cols: 8, gzip: false), files.Labels("labels", Labels, gzip: false));

        var sampler = ml.Gan().Trainer(TinyOptions(IdxImages.FeaturesColumnName, IdxImages.LabelColumnName)).Fit(data);

        Assert.AreEqual(GanArchitecture.Dcgan, sampler.Architecture);
        var imageType = new VectorDataViewType(NumberDataViewType.Single, 1, 8, 8);
        Assert.AreEqual(imageType, data.Schema[IdxImages.FeaturesColumnName].Type);
        var sampled = sampler.Sample(5, condition: "2", seed: 1);
        Assert.AreEqual(imageType, sampled.Schema[IdxImages.FeaturesColumnName].Type);
        CollectionAssert.AreEqual(new[] { 1, 8, 8 }, ((VectorDataViewType)sampled.Schema[IdxImages.FeaturesColumnName].Type).Dimensions.ToArray());
        var transformed = sampler.Transform(data);
        Assert.AreEqual(imageType, transformed.Schema[IdxImages.FeaturesColumnName].Type);
        var pixels = Columns.Flat(transformed, IdxImages.FeaturesColumnName);
        Assert.HasCount(Labels.Length * 64, pixels);
        Assert.IsTrue(pixels.All(p => p is >= 0 and <= 255), "within the training range");
    }

    [TestMethod]
    [DataRow(GanLoss.Minimax, false)]
    [DataRow(GanLoss.NonSaturating, false)]
    [DataRow(GanLoss.Wasserstein, false)]
    [DataRow(GanLoss.WassersteinGradientPenalty, false)]
    [DataRow(GanLoss.WassersteinGradientPenalty, true)]
    [DataRow(GanLoss.LeastSquares, false)]
    [DataRow(GanLoss.Hinge, true)]
    public void EveryLossTrainsThePackedImageNetworks(GanLoss loss, bool spectral)
    {
        using var files = new IdxTestFiles();
        var ml = new MLContext(1);
        var data = IdxImages.Load(ml, files.Images("images", Labels.Length, rows: 8, cols: 8, gzip: false), files.Labels("labels", Labels, gzip: false));
        var options = TinyOptions(IdxImages.FeaturesColumnName, IdxImages.LabelColumnName);
        options.Loss = loss;
        options.Image.SpectralNormalization = spectral;
        options.PacSize = 2;
        options.Epochs = 2;

        var sampler = ml.Gan().Trainer(options).Fit(data);

        Assert.AreEqual(GanArchitecture.Dcgan, sampler.Architecture);
        Assert.HasCount(2, sampler.History.Epochs, "no epoch was cut short by a non-finite loss");
        Assert.IsTrue(sampler.History.Epochs.All(e => double.IsFinite(e.DiscriminatorLoss) && double.IsFinite(e.GeneratorLoss) && e.GeneratorGradientNorm > 0));
    }

    [TestMethod]
    public void AutoKeepsTheTabularNetworksForAFlatVectorWithoutAnImageShape()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 16).Select(i => new FlatRow { Pixels = Enumerable.Range(0, 16).Select(p => (float)(i + p)).ToArray() }));

        var sampler = ml.Gan().Trainer(new GanTrainer.Options { FeatureColumnNames = new[] { "Pixels" }, Epochs = 0 }).Fit(data);

        Assert.AreEqual(GanArchitecture.Mlp, sampler.Architecture);
    }

    [TestMethod]
    public void DcganWithTwoFeatureColumnsIsNamed()
    {
        var options = new GanTrainer.Options { FeatureColumnNames = new[] { "Pixels", "Other" }, Architecture = GanArchitecture.Dcgan };

        var error = Assert.ThrowsExactly<ArgumentException>(() => new MLContext(1).Gan().Trainer(options));

        Assert.AreEqual(nameof(GanTrainer.Options.FeatureColumnNames), error.ParamName);
        StringAssert.Contains(error.Message, "exactly one feature column");
        StringAssert.Contains(error.Message, "'Other'");
    }

    [TestMethod]
    public void AnImageShapeTheNetworksCannotHalveTwiceIsNamed()
    {
        var options = new GanTrainer.Options { FeatureColumnNames = new[] { "Pixels" }, Image = { Shape = (1, 30, 28) } };

        var error = Assert.ThrowsExactly<ArgumentException>(() => new MLContext(1).Gan().Trainer(options));

        Assert.AreEqual("Image.Shape", error.ParamName);
        StringAssert.Contains(error.Message, "1×30×28");
        StringAssert.Contains(error.Message, "multiples of 4");
    }

    [TestMethod]
    public void IdxImagesTheNetworksCannotHalveTwiceAreNamedWithTheirColumn()
    {
        using var files = new IdxTestFiles();
        var ml = new MLContext(1);
        var data = IdxImages.Load(ml, files.Images("images", 4, rows: 30, cols: 28, gzip: false));

        var error = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(TinyOptions(IdxImages.FeaturesColumnName, null)).Fit(data));

        StringAssert.Contains(error.Message, "'Features'");
        StringAssert.Contains(error.Message, "1×30×28");
        StringAssert.Contains(error.Message, "multiples of 4");
        StringAssert.Contains(error.Message, "Architecture = Mlp");
    }

    [TestMethod]
    public void AnImageShapeOfTheWrongSizeNamesTheOptionAndTheColumn()
    {
        var ml = new MLContext(1);
        var options = TinyOptions(Digits.Pixels, null);
        options.Image.Shape = (1, 4, 4);

        var error = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(options).Fit(Digits.Load(ml)));

        Assert.AreEqual("Image.Shape", error.ParamName);
        StringAssert.Contains(error.Message, "1×4×4 has 16 pixels");
        StringAssert.Contains(error.Message, $"'{Digits.Pixels}' holds 64 values");
    }

    [TestMethod]
    public void DcganOnAFlatVectorWithoutAnImageShapeAsksForOne()
    {
        var ml = new MLContext(1);
        var options = TinyOptions(Digits.Pixels, null);
        options.Architecture = GanArchitecture.Dcgan;

        var error = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(options).Fit(Digits.Load(ml)));

        Assert.AreEqual("Image.Shape", error.ParamName);
        StringAssert.Contains(error.Message, $"'{Digits.Pixels}' is a flat vector of 64 values");
    }

    [TestMethod]
    public void DcganOnAScalarColumnIsNamed()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new ScalarRow { Value = 1 }, new ScalarRow { Value = 2 } });
        var options = TinyOptions("Value", null);
        options.Architecture = GanArchitecture.Dcgan;

        var error = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(options).Fit(data));

        StringAssert.Contains(error.Message, "'Value'");
        StringAssert.Contains(error.Message, "vector of Single pixels");
    }

    [TestMethod]
    public void SpectralNormalizationIsRefusedWithWeightClippingAndOnTables()
    {
        var ml = new MLContext(1);
        var clipped = new GanTrainer.Options { FeatureColumnNames = new[] { "Pixels" }, Image = { SpectralNormalization = true }, Loss = GanLoss.Wasserstein };
        var table = new GanTrainer.Options { FeatureColumnNames = new[] { "X" }, Image = { SpectralNormalization = true }, Architecture = GanArchitecture.Mlp };
        var autoTable = TinyOptions("Value", null);
        autoTable.Image.SpectralNormalization = true;
        var scalars = ml.Data.LoadFromEnumerable(new[] { new ScalarRow { Value = 1 }, new ScalarRow { Value = 2 } });

        var errors = new[]
        {
            Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(clipped)),
            Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(table)),
            Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(autoTable).Fit(scalars)),
        };

        Assert.IsTrue(errors.All(e => e.ParamName == "Image.SpectralNormalization"), string.Join(" | ", errors.Select(e => e.Message)));
        StringAssert.Contains(errors[0].Message, "Wasserstein");
        StringAssert.Contains(errors[1].Message, "DCGAN discriminator only");
    }

    internal static GanTrainer.Options TinyOptions(string features, string? condition) => new()
    {
        FeatureColumnNames = new[] { features },
        ConditionColumnName = condition,
        Image = { BaseChannels = 4 },
        NoiseDimension = 8,
        Loss = GanLoss.NonSaturating,
        BatchSize = 8,
        Epochs = 1,
        Seed = 3,
    };

    private sealed class FlatRow
    {
        [VectorType(16)]
        public float[] Pixels { get; set; } = Array.Empty<float>();
    }

    private sealed class ScalarRow
    {
        public float Value { get; set; }
    }
}
