using TorchSharp;
using GanEstimators.Networks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanEstimators.Evaluation.Images;

/// <summary>
/// A small CNN: two conv 3×3 – batch norm – ReLU – max-pool 2×2 stages (base, then 2·base channels), dropout, a ReLU
/// penultimate layer (<see cref="ImageClassifierSpec.FeatureWidth"/> features), dropout, and a linear layer to class logits.
/// Inputs are flat rows of pixels already scaled to 0..1.
/// </summary>
internal sealed class ImageClassifierNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Sequential convolutions;
    private readonly Linear penultimate;
    private readonly Linear output;

    public ImageClassifierNetwork(ImageClassifierSpec spec) : base("image_classifier")
    {
        Spec = spec;
        var (narrow, wide) = (spec.BaseChannels, 2 * spec.BaseChannels);
        convolutions = nn.Sequential(
            ("conv0", new ConvolutionLayer(spec.Channels, narrow, kernelSize: 3, padding: 1)),
            ("norm0", RootedBatchNorm.OfImages(narrow)),
            ("activation0", nn.ReLU()),
            ("pool0", nn.MaxPool2d(2)),
            ("conv1", new ConvolutionLayer(narrow, wide, kernelSize: 3, padding: 1)),
            ("norm1", RootedBatchNorm.OfImages(wide)),
            ("activation1", nn.ReLU()),
            ("pool1", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()));
        penultimate = nn.Linear(spec.PooledSize, spec.FeatureWidth);
        output = nn.Linear(spec.FeatureWidth, spec.Classes);
        RegisterComponents();
    }

    public ImageClassifierSpec Spec { get; }

    /// <summary>
    /// Draws the dropout masks while training. Dropout is done here rather than by <c>nn.Dropout</c> so that it uses a
    /// seeded generator of its own instead of libtorch's global one, which other code (and threads) also draw from.
    /// </summary>
    public Generator? DropoutRandom { get; set; }

    /// <summary>Flat rows of scaled pixels (batch × C·H·W) to class logits (batch × classes).</summary>
    public override Tensor forward(Tensor input) => output.forward(Dropout(Features(input)));

    /// <summary>Flat rows of scaled pixels to the penultimate layer's activations (batch × feature width).</summary>
    public Tensor Features(Tensor input)
    {
        if (input.dim() != 2 || input.shape[1] != Spec.ImageSize)
            throw new ArgumentException(
                $"The classifier takes rows of {Spec.Channels}×{Spec.Height}×{Spec.Width} = {Spec.ImageSize} pixels; got a tensor of shape [{string.Join(", ", input.shape)}].",
                nameof(input));
        var pooled = convolutions.forward(input.reshape(-1, Spec.Channels, Spec.Height, Spec.Width));
        return nn.functional.relu(penultimate.forward(Dropout(pooled)));
    }

    /// <summary>The penultimate activations to class logits (no dropout: used at inference).</summary>
    public Tensor Logits(Tensor features) => output.forward(features);

    private Tensor Dropout(Tensor x)
    {
        if (!training || DropoutRandom is null || Spec.DropoutRate == 0) return x;
        // Scalars held through the calls (see TorchScalars).
        using var rate = Spec.DropoutRate.ToScalar();
        using var keptShare = (1 - Spec.DropoutRate).ToScalar();
        var keep = TorchRandom.Uniform(x.shape, x.device, DropoutRandom, x.dtype) >= rate;
        return x * keep.to_type(x.dtype) / keptShare;
    }
}
