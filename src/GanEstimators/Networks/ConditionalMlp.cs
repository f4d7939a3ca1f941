using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// An MLP that sees its input concatenated with a one-hot condition (Mirza &amp; Osindero 2014). Used as the generator
/// (noise → encoded row, ReLU) and as the discriminator (encoded row → one score, LeakyReLU 0.2, no normalisation so
/// the gradient penalty stays per-sample).
/// </summary>
internal sealed class ConditionalMlp : nn.Module<Tensor, Tensor?, Tensor>
{
    private readonly ConditionedLinear first;
    private readonly Sequential rest;

    public ConditionalMlp(string name, MlpSpec spec, bool leaky) : base(name)
    {
        Spec = spec;
        var widths = spec.HiddenSizes.Append(spec.OutputWidth).ToArray();
        first = new ConditionedLinear("first", spec.InputWidth, spec.ConditionWidth, widths[0]);
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (var i = 1; i < widths.Length; i++)
        {
            modules.Add(($"activation{i - 1}", leaky ? new RootedLeakyReLU(0.2) : nn.ReLU()));
            modules.Add(($"linear{i}", new LinearLayer(widths[i - 1], widths[i])));
        }
        rest = nn.Sequential(modules);
        RegisterComponents();
    }

    public MlpSpec Spec { get; }

    public override Tensor forward(Tensor input, Tensor? condition) => rest.forward(first.forward(input, condition));

    /// <summary>The same, with a batch's condition (see <see cref="ConditionedLinear.Forward(Tensor, BatchCondition?)"/>).</summary>
    public Tensor Forward(Tensor input, BatchCondition? condition) => rest.forward(first.Forward(input, condition));

    public static ConditionalMlp Discriminator(MlpSpec spec) => new("discriminator", spec, leaky: true);
}
