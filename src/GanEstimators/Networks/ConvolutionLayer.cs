using GanEstimators.Native;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// A square-kernel 2-D convolution equal to TorchSharp's <c>nn.Conv2d</c>: the same parameters ("weight", then
/// "bias"), the same initialisation (the same random draws in the same order), so saved models are unchanged. It exists
/// for <see cref="ConvolutionChannelPadding.Convolve"/>: where <see cref="ConvolutionChannelPadding"/> is on, a convolution whose input needs a
/// gradient runs with its output channels padded, because oneDNN gets that gradient wrong otherwise.
/// </summary>
internal sealed class ConvolutionLayer : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly long stride;
    private readonly long padding;

    public ConvolutionLayer(long inputs, long outputs, long kernelSize, long stride = 1, long padding = 0) : base("Conv2d")
    {
        weight = new Parameter(empty(outputs, inputs, kernelSize, kernelSize));
        nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        bias = new Parameter(empty(outputs));
        var fanIn = inputs * kernelSize * kernelSize;
        var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        nn.init.uniform_(bias, -bound, bound);
        (this.stride, this.padding) = (stride, padding);
        RegisterComponents();
    }

    public Parameter Weight => weight;

    public Parameter Bias => bias;

    public override Tensor forward(Tensor input) => ConvolutionChannelPadding.Convolve(input, weight, bias, stride, padding);

    /// <summary>This layer's convolution with another weight of the same shape (spectral normalisation's W / σ).</summary>
    public Tensor Convolve(Tensor input, Tensor otherWeight) => ConvolutionChannelPadding.Convolve(input, otherWeight, bias, stride, padding);
}
