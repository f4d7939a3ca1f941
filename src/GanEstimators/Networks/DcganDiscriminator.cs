using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// A DCGAN discriminator (Radford et al. 2016): two stride-2 4×4 convolutions (base, then 2·base channels) with
/// LeakyReLU 0.2, optionally batch- or spectrally normalised, then a linear layer to one raw score per input. Depth
/// above 1 follows each stride-2 convolution with 3×3 stride-1 ones of the same width, as SNGAN's CNN does.
/// <para>
/// Inputs are flat rows like the MLP's. With PacGAN packing a row holds <see cref="DcganDiscriminatorSpec.PacSize"/>
/// images one after another, which the reshape turns into pac·C input channels, so the first convolution sees the
/// images of a pack side by side.
/// </para>
/// <para>
/// Conditioning is by projection (Miyato &amp; Koyama 2018): the score gains the inner product of the image features
/// with a learned linear embedding of the (packed) condition vector. Unlike label maps concatenated as extra input
/// channels, its cost does not grow with the condition width (wide multi-hot vectors of categorical conditions stay
/// cheap), it leaves the input — where the WGAN-GP penalty takes its gradient — as the images alone, and it is the
/// form that gave better class-conditional images in that paper.
/// </para>
/// </summary>
internal sealed class DcganDiscriminator : nn.Module<Tensor, Tensor?, Tensor>
{
    private const double Slope = 0.2;

    private readonly Sequential features;
    private readonly nn.Module<Tensor, Tensor> output;
    private readonly nn.Module<Tensor, Tensor>? projection;
    private readonly long[] inputShape;

    public DcganDiscriminator(DcganDiscriminatorSpec spec) : base("dcgan_discriminator")
    {
        Spec = spec;
        var (height, width) = spec.Image.Quarter();
        if (spec.BaseChannels < 1) throw new ArgumentOutOfRangeException(nameof(spec), spec.BaseChannels, "The DCGAN discriminator needs at least 1 base channel.");
        if (spec.PacSize < 1) throw new ArgumentOutOfRangeException(nameof(spec), spec.PacSize, "PacSize must be at least 1.");
        var spectral = spec.Normalisation == DiscriminatorNormalisation.Spectral;
        var (narrow, wide) = (spec.BaseChannels, 2 * spec.BaseChannels);
        inputShape = new long[] { -1, spec.PacSize * spec.Image.Channels, spec.Image.Height, spec.Image.Width };

        if (spec.Depth is < 1 or > GanTrainer.ImageOptions.MaxNetworkDepth) throw new ArgumentOutOfRangeException(nameof(spec), spec.Depth, $"The DCGAN discriminator's depth must be between 1 and {GanTrainer.ImageOptions.MaxNetworkDepth}.");
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("conv0", Normalised(new ConvolutionLayer(inputShape[1], narrow, kernelSize: 4, stride: 2, padding: 1), spectral)),
            ("activation0", new RootedLeakyReLU(Slope)),
        };
        AddRefinements(layers, "0", narrow, spec.Depth, spectral);
        layers.Add(("conv1", Normalised(new ConvolutionLayer(narrow, wide, kernelSize: 4, stride: 2, padding: 1), spectral)));
        if (spec.Normalisation == DiscriminatorNormalisation.BatchNorm) layers.Add(("norm1", RootedBatchNorm.OfImages(wide)));
        layers.Add(("activation1", new RootedLeakyReLU(Slope)));
        AddRefinements(layers, "1", wide, spec.Depth, spectral);
        layers.Add(("flatten", nn.Flatten()));
        features = nn.Sequential(layers);

        var featureWidth = wide * height * width;
        output = Normalised(nn.Linear(featureWidth, 1), spectral);
        if (spec.ConditionWidth > 0)
            projection = Normalised(nn.Linear(spec.PacSize * spec.ConditionWidth, featureWidth, hasBias: false), spectral);
        RegisterComponents();
    }

    public DcganDiscriminatorSpec Spec { get; }

    /// <summary>Packed images (batch × pac·C·H·W) and packed conditions (batch × pac·condition width, or null) to scores (batch × 1).</summary>
    public override Tensor forward(Tensor input, Tensor? condition)
    {
        if (input.dim() != 2 || input.shape[1] != Spec.PacSize * Spec.Image.Size)
            throw new ArgumentException(
                $"The DCGAN discriminator takes rows of {Spec.PacSize} × {Spec.Image} = {Spec.PacSize * Spec.Image.Size} values; got a tensor of shape [{string.Join(", ", input.shape)}].",
                nameof(input));
        var h = features.forward(input.reshape(inputShape));
        var score = output.forward(h);
        if (projection is null) return score;
        if (condition is null) throw new ArgumentException($"This discriminator is conditional ({Spec.ConditionWidth} condition values per image) and was given no condition.", nameof(condition));
        return score.Plus((projection.forward(condition) * h).sum(1, keepdim: true));
    }

    /// <summary>
    /// Depth − 1 same-size 3×3 convolutions after a halving. They are never batch-normalised: with
    /// <see cref="DiscriminatorNormalisation.BatchNorm"/> DCGAN's single norm stays where it was, so depth 1 is unchanged.
    /// </summary>
    private static void AddRefinements(List<(string, nn.Module<Tensor, Tensor>)> layers, string stage, long channels, int depth, bool spectral)
    {
        for (var i = 1; i < depth; i++)
        {
            layers.Add(($"refine{stage}_{i}", Normalised(new ConvolutionLayer(channels, channels, kernelSize: 3, stride: 1, padding: 1), spectral)));
            layers.Add(($"refine{stage}_{i}_activation", new RootedLeakyReLU(Slope)));
        }
    }

    private static nn.Module<Tensor, Tensor> Normalised(ConvolutionLayer convolution, bool spectral) =>
        spectral ? new SpectralNorm("spectral", convolution) : convolution;

    private static nn.Module<Tensor, Tensor> Normalised(Linear linear, bool spectral) =>
        spectral ? new SpectralNorm("spectral", linear) : linear;
}
