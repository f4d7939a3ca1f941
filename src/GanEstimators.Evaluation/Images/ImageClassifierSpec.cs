namespace GanEstimators.Evaluation.Images;

/// <summary>The shape of a <see cref="ImageClassifierNetwork"/>: what it takes in, how wide it is, what it tells apart.</summary>
internal sealed record ImageClassifierSpec(int Channels, int Height, int Width, int BaseChannels, int FeatureWidth, double DropoutRate, int Classes)
{
    /// <summary>The two 2×2 poolings need at least 4 pixels each way.</summary>
    public const int MinimumSide = 4;

    public int ImageSize => Channels * Height * Width;

    /// <summary>Values after the second pooling (floor halving twice), the input of the penultimate layer.</summary>
    public int PooledSize => 2 * BaseChannels * (Height / 4) * (Width / 4);

    /// <summary>False for shapes no training run makes: what a damaged file would declare.</summary>
    public bool IsPlausible =>
        Channels > 0 && Height >= MinimumSide && Width >= MinimumSide && (long)Channels * Height * Width <= int.MaxValue / 4 &&
        BaseChannels > 0 && FeatureWidth > 0 && DropoutRate is >= 0 and < 1 && Classes >= 2;

    public void Save(BinaryWriter writer)
    {
        writer.Write(Channels);
        writer.Write(Height);
        writer.Write(Width);
        writer.Write(BaseChannels);
        writer.Write(FeatureWidth);
        writer.Write(DropoutRate);
        writer.Write(Classes);
    }

    public static ImageClassifierSpec Load(BinaryReader reader) => new(
        reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble(), reader.ReadInt32());
}
