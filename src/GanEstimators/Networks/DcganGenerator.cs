using GanEstimators.Encoding;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// A DCGAN generator (Radford et al. 2016) for small images. Noise, concatenated with a learned linear embedding of the
/// one-hot (or multi-hot) condition, is projected to 2·base channels at a quarter of the image size, upsampled twice by
/// transposed convolutions with batch normalisation and ReLU (2·base → base → base/2 channels), and mapped to the
/// image's channels by a 3×3 convolution. Depth above 1 follows each upsampling with 3×3 convolutions of the same width
/// (batch-normalised, ReLU), which gives the generator more layers at each resolution. The output is flat logits, one
/// per pixel in channel-first order; the caller applies tanh (a single <see cref="SpanActivation.Tanh"/> span over all
/// pixels) to get values in (−1, 1).
/// </summary>
internal sealed class DcganGenerator : nn.Module<Tensor, Tensor?, Tensor>
{
    private readonly LinearLayer? conditionEmbedding;
    private readonly Sequential project;
    private readonly Sequential upsample;
    private readonly long[] startShape;

    public DcganGenerator(DcganGeneratorSpec spec) : base("dcgan_generator")
    {
        Spec = spec;
        var (height, width) = spec.Image.Quarter();
        if (spec.BaseChannels < 2) throw new ArgumentOutOfRangeException(nameof(spec), spec.BaseChannels, "The DCGAN generator needs at least 2 base channels.");
        if (spec.Depth is < 1 or > GanTrainer.ImageOptions.MaxNetworkDepth) throw new ArgumentOutOfRangeException(nameof(spec), spec.Depth, $"The DCGAN generator's depth must be between 1 and {GanTrainer.ImageOptions.MaxNetworkDepth}.");
        var (wide, middle, narrow) = (2 * spec.BaseChannels, spec.BaseChannels, spec.BaseChannels / 2);
        startShape = new long[] { -1, wide, height, width };

        var inputWidth = spec.NoiseWidth;
        if (spec.ConditionWidth > 0)
        {
            conditionEmbedding = new LinearLayer(spec.ConditionWidth, spec.ConditionEmbeddingWidth);
            inputWidth += spec.ConditionEmbeddingWidth;
        }
        project = nn.Sequential(
            ("linear", new LinearLayer(inputWidth, wide * height * width)),
            ("norm", RootedBatchNorm.OfRows(wide * height * width)),
            ("activation", nn.ReLU()));
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("up0", nn.ConvTranspose2d(wide, middle, kernel_size: 4, stride: 2, padding: 1)),
            ("norm0", RootedBatchNorm.OfImages(middle)),
            ("activation0", nn.ReLU()),
        };
        AddRefinements(layers, "0", middle, spec.Depth);
        layers.Add(("up1", nn.ConvTranspose2d(middle, narrow, kernel_size: 4, stride: 2, padding: 1)));
        layers.Add(("norm1", RootedBatchNorm.OfImages(narrow)));
        layers.Add(("activation1", nn.ReLU()));
        AddRefinements(layers, "1", narrow, spec.Depth);
        layers.Add(("output", new ConvolutionLayer(narrow, spec.Image.Channels, kernelSize: 3, padding: 1)));
        upsample = nn.Sequential(layers);
        RegisterComponents();
    }

    /// <summary>Depth − 1 same-size 3×3 convolutions, each batch-normalised and rectified, after an upsampling.</summary>
    private static void AddRefinements(List<(string, nn.Module<Tensor, Tensor>)> layers, string stage, long channels, int depth)
    {
        for (var i = 1; i < depth; i++)
        {
            layers.Add(($"refine{stage}_{i}", new ConvolutionLayer(channels, channels, kernelSize: 3, padding: 1)));
            layers.Add(($"refine{stage}_{i}_norm", RootedBatchNorm.OfImages(channels)));
            layers.Add(($"refine{stage}_{i}_activation", nn.ReLU()));
        }
    }

    public DcganGeneratorSpec Spec { get; }

    /// <summary>Noise (batch × noise width) and condition (batch × condition width, or null) to logits (batch × C·H·W).</summary>
    public override Tensor forward(Tensor noise, Tensor? condition)
    {
        var input = noise;
        if (conditionEmbedding is not null)
        {
            if (condition is null) throw new ArgumentException($"This generator is conditional ({Spec.ConditionWidth} condition values) and was given no condition.", nameof(condition));
            input = cat(new[] { noise, conditionEmbedding.forward(condition) }, 1);
        }
        return upsample.forward(project.forward(input).view(startShape)).flatten(1);
    }
}
