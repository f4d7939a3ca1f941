using GanEstimators.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Tests.Images;

[TestClass]
public sealed class DcganShapeTests
{
    private const int Batch = 4;
    private const int Noise = 16;
    private const int Classes = 3;

    [TestMethod]
    [DataRow(1, 28, 28, 0)]
    [DataRow(1, 28, 28, Classes)]
    [DataRow(3, 8, 8, 0)]
    [DataRow(3, 8, 8, Classes)]
    public void TheGeneratorDrawsOneFlatImagePerNoiseRow(int channels, int height, int width, int conditionWidth)
    {
        var image = new ImageShape(channels, height, width);
        using var generator = new DcganGenerator(new DcganGeneratorSpec(image, Noise, conditionWidth, 5, BaseChannels: 8));
        using var _ = NewDisposeScope();

        var output = generator.forward(randn(Batch, Noise), Condition(Batch, conditionWidth));

        CollectionAssert.AreEqual(new long[] { Batch, image.Size }, output.shape);
    }

    [TestMethod]
    [DataRow(28, 0, 1, (int)DiscriminatorNormalisation.BatchNorm)]
    [DataRow(28, Classes, 1, (int)DiscriminatorNormalisation.None)]
    [DataRow(28, 0, 2, (int)DiscriminatorNormalisation.Spectral)]
    [DataRow(28, Classes, 2, (int)DiscriminatorNormalisation.BatchNorm)]
    [DataRow(8, 0, 1, (int)DiscriminatorNormalisation.None)]
    [DataRow(8, Classes, 1, (int)DiscriminatorNormalisation.Spectral)]
    [DataRow(8, 0, 2, (int)DiscriminatorNormalisation.BatchNorm)]
    [DataRow(8, Classes, 2, (int)DiscriminatorNormalisation.Spectral)]
    public void TheDiscriminatorGivesOneScorePerPack(int size, int conditionWidth, int pac, int normalisation)
    {
        var image = new ImageShape(1, size, size);
        using var discriminator = new DcganDiscriminator(new DcganDiscriminatorSpec(image, conditionWidth, BaseChannels: 8, pac, (DiscriminatorNormalisation)normalisation));
        using var _ = NewDisposeScope();
        var rows = Batch * pac;

        // Packing as the training loop does it: pac consecutive rows side by side.
        var images = randn(rows, image.Size).reshape(Batch, -1);
        var conditions = Condition(rows, conditionWidth)?.reshape(Batch, -1);
        var scores = discriminator.forward(images, conditions);

        CollectionAssert.AreEqual(new long[] { Batch, 1 }, scores.shape);
    }

    [TestMethod]
    [DataRow(1, 30, 28)]
    [DataRow(1, 28, 6)]
    [DataRow(0, 8, 8)]
    public void ShapesTheNetworksCannotHalveTwiceAreNamed(int channels, int height, int width)
    {
        var image = new ImageShape(channels, height, width);

        var generatorError = Assert.ThrowsExactly<ArgumentException>(() => new DcganGenerator(new DcganGeneratorSpec(image, Noise, 0, 0, 8)));
        var discriminatorError = Assert.ThrowsExactly<ArgumentException>(() => new DcganDiscriminator(new DcganDiscriminatorSpec(image, 0, 8, 1, DiscriminatorNormalisation.None)));

        foreach (var error in new[] { generatorError, discriminatorError })
        {
            StringAssert.Contains(error.Message, $"{channels}×{height}×{width}");
            StringAssert.Contains(error.Message, "multiples of 4");
        }
    }

    [TestMethod]
    public void ARowOfTheWrongWidthIsNamed()
    {
        using var discriminator = new DcganDiscriminator(new DcganDiscriminatorSpec(new ImageShape(1, 8, 8), 0, 4, 2, DiscriminatorNormalisation.None));

        var error = Assert.ThrowsExactly<ArgumentException>(() => discriminator.forward(zeros(3, 64), null));

        StringAssert.Contains(error.Message, "2 × 1×8×8 = 128");
        StringAssert.Contains(error.Message, "[3, 64]");
    }

    [TestMethod]
    public void SpecsRebuildTheSameNetworks()
    {
        var generatorSpec = new DcganGeneratorSpec(new ImageShape(1, 8, 8), Noise, Classes, 5, 8, Depth: 3);
        var discriminatorSpec = new DcganDiscriminatorSpec(new ImageShape(3, 28, 28), Classes, 8, 2, DiscriminatorNormalisation.Spectral, Depth: 2);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        generatorSpec.Save(writer);
        discriminatorSpec.Save(writer);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);

        Assert.AreEqual(generatorSpec, DcganGeneratorSpec.Load(reader, GanEstimators.Serialization.ModelFormatVersions.ImageNetworkDepthVersion));
        Assert.AreEqual(discriminatorSpec, DcganDiscriminatorSpec.Load(reader, GanEstimators.Serialization.ModelFormatVersions.ImageNetworkDepthVersion));
    }

    [TestMethod]
    public void ASavedGeneratorLoadsIntoOneRebuiltFromItsSpec()
    {
        var spec = new DcganGeneratorSpec(new ImageShape(1, 8, 8), Noise, Classes, 5, 8);
        torch.random.manual_seed(1);
        using var generator = new DcganGenerator(spec);
        generator.eval();
        using var stream = new MemoryStream();
        generator.save(new BinaryWriter(stream));
        torch.random.manual_seed(2);
        using var copy = new DcganGenerator(spec);
        stream.Position = 0;
        copy.load(new BinaryReader(stream));
        copy.eval();
        using var _ = no_grad();
        var noise = randn(Batch, Noise);
        var condition = Condition(Batch, Classes);

        Assert.IsTrue(generator.forward(noise, condition).allclose(copy.forward(noise, condition), rtol: 0, atol: 0));
    }

    internal static Tensor? Condition(int rows, int width) =>
        width == 0 ? null : nn.functional.one_hot(arange(rows) % width, width).to(float32);
}
