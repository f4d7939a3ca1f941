namespace GanEstimators.Networks;

/// <summary>
/// Everything needed to rebuild a <see cref="DcganGenerator"/> before loading its weights: the image it draws, its
/// noise and condition widths, the width of the learned condition embedding and the base number of channels.
/// </summary>
internal sealed record DcganGeneratorSpec(ImageShape Image, int NoiseWidth, int ConditionWidth, int ConditionEmbeddingWidth, int BaseChannels)
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
    }

    public static DcganGeneratorSpec Load(BinaryReader reader) =>
        new(ImageShape.Load(reader), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
}
