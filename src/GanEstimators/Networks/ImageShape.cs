using GanEstimators.Serialization;

namespace GanEstimators.Networks;

/// <summary>
/// The shape of one image as the networks see it. Encoded rows hold its pixels flat in channel-first order
/// (channel, then row, then column), the layout of ML.NET's pixel extractor and of PyTorch.
/// </summary>
internal sealed record ImageShape(int Channels, int Height, int Width)
{
    public int Size => Channels * Height * Width;

    /// <summary>
    /// The spatial size after the two stride-2 stages of the DCGAN networks; throws when the shape cannot be halved
    /// twice exactly.
    /// </summary>
    public (int Height, int Width) Quarter()
    {
        if (Unsuitability() is { } problem) throw new ArgumentException(problem, "image");
        return (Height / 4, Width / 4);
    }

    /// <summary>Why the DCGAN networks cannot take this shape, or null when they can.</summary>
    public string? Unsuitability() =>
        Channels <= 0 || Height <= 0 || Width <= 0 || Height % 4 != 0 || Width % 4 != 0
            ? $"Image shape {this} (channels×height×width) does not suit the DCGAN networks: they halve height and width twice, " +
              "so both must be positive multiples of 4 (28×28 and 8×8 work), with at least one channel."
            : null;

    public override string ToString() => $"{Channels}×{Height}×{Width}";

    public void Save(BinaryWriter writer)
    {
        writer.Write(Channels);
        writer.Write(Height);
        writer.Write(Width);
    }

    public static ImageShape Load(BinaryReader reader)
    {
        var shape = new ImageShape(
            reader.ReadInt32InRange("image channels", 1, ModelLimits.MaxVectorSize),
            reader.ReadInt32InRange("image height", 1, ModelLimits.MaxVectorSize),
            reader.ReadInt32InRange("image width", 1, ModelLimits.MaxVectorSize));
        if ((long)shape.Channels * shape.Height * shape.Width > ModelLimits.MaxVectorSize)
            throw new InvalidDataException($"The saved image shape {shape} has more than {ModelLimits.MaxVectorSize} pixels.");
        return shape.Unsuitability() is { } problem ? throw new InvalidDataException(problem) : shape;
    }
}
