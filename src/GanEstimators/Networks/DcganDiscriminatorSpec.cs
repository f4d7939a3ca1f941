using GanEstimators.Serialization;

namespace GanEstimators.Networks;

/// <summary>How the DCGAN discriminator keeps its layers in range.</summary>
internal enum DiscriminatorNormalisation
{
    /// <summary>Nothing: what WGAN-GP needs, since its gradient penalty is per sample and batch statistics mix samples.</summary>
    None,

    /// <summary>Batch normalisation after the second convolution, as in DCGAN (Radford et al. 2016).</summary>
    BatchNorm,

    /// <summary>Spectral normalisation of every convolution and linear layer (Miyato et al. 2018).</summary>
    Spectral,
}

/// <summary>
/// Everything needed to rebuild a <see cref="DcganDiscriminator"/>: the image it judges, the width of one image's
/// condition vector (0 when unconditional), the base number of channels, how many images PacGAN packs into one input,
/// the normalisation, and the convolutions per resolution (1 is DCGAN's).
/// </summary>
internal sealed record DcganDiscriminatorSpec(ImageShape Image, int ConditionWidth, int BaseChannels, int PacSize, DiscriminatorNormalisation Normalisation, int Depth = 1)
{
    public void Save(BinaryWriter writer)
    {
        Image.Save(writer);
        writer.Write(ConditionWidth);
        writer.Write(BaseChannels);
        writer.Write(PacSize);
        writer.Write((int)Normalisation);
        writer.Write(Depth);
    }

    /// <summary>Reads what <see cref="Save"/> wrote; models before <see cref="ModelFormatVersions.ImageNetworkDepthVersion"/> have depth 1.</summary>
    public static DcganDiscriminatorSpec Load(BinaryReader reader, uint formatVersion) =>
        new(ImageShape.Load(reader),
            reader.ReadInt32InRange("DCGAN discriminator condition width", 0, int.MaxValue),
            reader.ReadInt32InRange("DCGAN discriminator base channels", 1, ModelLimits.MaxLayerWidth),
            reader.ReadInt32InRange("PacSize", 1, ModelLimits.MaxPacSize),
            reader.ReadEnum<DiscriminatorNormalisation>("DCGAN discriminator normalisation"),
            formatVersion >= ModelFormatVersions.ImageNetworkDepthVersion ? reader.ReadInt32InRange("DCGAN discriminator depth", 1, GanTrainer.ImageOptions.MaxNetworkDepth) : 1);
}
