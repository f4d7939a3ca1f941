using GanEstimators.Serialization;

namespace GanEstimators.Networks;

/// <summary>
/// Everything needed to rebuild a <see cref="DcganGenerator"/> before loading its weights: the image it draws, its
/// noise and condition widths, the width of the learned condition embedding, the base number of channels and the
/// convolutions per resolution (1 is DCGAN's).
/// </summary>
internal sealed record DcganGeneratorSpec(ImageShape Image, int NoiseWidth, int ConditionWidth, int ConditionEmbeddingWidth, int BaseChannels, int Depth = 1)
{
    /// <summary>A common choice for the class embedding of conditional DCGANs on MNIST-sized data.</summary>
    public const int DefaultConditionEmbeddingWidth = 50;

    public void Save(BinaryWriter writer)
    {
        Image.Save(writer);
        writer.Write(NoiseWidth);
        writer.Write(ConditionWidth);
        writer.Write(ConditionEmbeddingWidth);
        writer.Write(BaseChannels);
        writer.Write(Depth);
    }

    /// <summary>Reads what <see cref="Save"/> wrote; models before <see cref="ModelFormatVersions.ImageNetworkDepthVersion"/> have depth 1.</summary>
    public static DcganGeneratorSpec Load(BinaryReader reader, uint formatVersion) =>
        new(ImageShape.Load(reader),
            reader.ReadInt32InRange("DCGAN noise width", 1, ModelLimits.MaxNoiseDimension),
            reader.ReadInt32InRange("DCGAN condition width", 0, int.MaxValue),
            reader.ReadInt32InRange("DCGAN condition embedding width", 0, ModelLimits.MaxLayerWidth),
            reader.ReadInt32InRange("DCGAN base channels", 2, ModelLimits.MaxLayerWidth),
            formatVersion >= ModelFormatVersions.ImageNetworkDepthVersion ? reader.ReadInt32InRange("DCGAN generator depth", 1, GanTrainer.ImageOptions.MaxNetworkDepth) : 1);
}
