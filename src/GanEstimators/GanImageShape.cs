namespace GanEstimators;

/// <summary>
/// How the pixels of a flat feature vector form an image, channel-first: all pixels of channel 0 row by row, then
/// channel 1, and so on (the layout of <c>ExtractPixels</c> without interleaving, and of PyTorch).
/// </summary>
/// <param name="Channels">Colour planes: 1 for grey levels, 3 for RGB.</param>
/// <param name="Height">Rows of pixels; a positive multiple of 4 for <see cref="GanArchitecture.Dcgan"/>.</param>
/// <param name="Width">Columns of pixels; a positive multiple of 4 for <see cref="GanArchitecture.Dcgan"/>.</param>
public sealed record GanImageShape(int Channels, int Height, int Width)
{
    /// <summary>Pixels in one image: channels × height × width.</summary>
    public int Size => Channels * Height * Width;

    /// <summary>Lets <c>Image = { Shape = (1, 28, 28) }</c> be written as a tuple.</summary>
    public static implicit operator GanImageShape((int Channels, int Height, int Width) shape) =>
        new(shape.Channels, shape.Height, shape.Width);

    /// <summary>Channels×height×width, e.g. <c>1×28×28</c>.</summary>
    public override string ToString() => $"{Channels}×{Height}×{Width}";
}
