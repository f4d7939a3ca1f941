using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// A fully connected layer equal to TorchSharp's <c>nn.Linear</c>: the same parameters ("weight", then "bias"), the
/// same initialisation (the same random draws in the same order) and the same forward. It exists because
/// <c>nn.Linear</c> in TorchSharp 0.107 overrides <c>Dispose</c> without calling the base class's, and each one
/// constructed and disposed leaves about 570 bytes of native memory behind that a module of its own does not (measured
/// over 12,000 of each; BENCHMARKS.md, "Soak"). Every model load builds a generator, so a process that loads models
/// over and over grew by that much per layer per load.
/// </summary>
internal sealed class LinearLayer : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter? bias;

    public LinearLayer(long inputWidth, long outputWidth, bool hasBias = true) : base("Linear")
    {
        weight = new Parameter(empty(outputWidth, inputWidth));
        nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (hasBias)
        {
            bias = new Parameter(empty(outputWidth));
            var bound = inputWidth > 0 ? 1 / Math.Sqrt(inputWidth) : 0;
            nn.init.uniform_(bias, -bound, bound);
        }
        RegisterComponents();
    }

    public Parameter Weight => weight;

    public Parameter? Bias => bias;

    public override Tensor forward(Tensor input) => nn.functional.linear(input, weight, bias);
}
