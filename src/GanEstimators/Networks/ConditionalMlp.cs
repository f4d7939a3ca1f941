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
    private readonly Sequential layers;

    public ConditionalMlp(string name, MlpSpec spec, bool leaky) : base(name)
    {
        Spec = spec;
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        var width = spec.InputWidth + spec.ConditionWidth;
        for (var i = 0; i < spec.HiddenSizes.Length; i++)
        {
            modules.Add(($"linear{i}", nn.Linear(width, spec.HiddenSizes[i])));
            modules.Add(($"activation{i}", leaky ? nn.LeakyReLU(0.2) : nn.ReLU()));
            width = spec.HiddenSizes[i];
        }
        modules.Add(("output", nn.Linear(width, spec.OutputWidth)));
        layers = nn.Sequential(modules);
        RegisterComponents();
    }

    public MlpSpec Spec { get; }

    public override Tensor forward(Tensor input, Tensor? condition) =>
        layers.forward(condition is null ? input : cat(new[] { input, condition }, 1));

    public static ConditionalMlp Generator(MlpSpec spec) => new("generator", spec, leaky: false);

    public static ConditionalMlp Discriminator(MlpSpec spec) => new("discriminator", spec, leaky: true);
}
