using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// The generator: a body (MLP, residual or DCGAN) that maps noise and condition to logits, and the output heads that turn
/// logits into an encoded row. Training calls <see cref="Forward"/> for the logits (the conditional loss needs them) and
/// <see cref="Activate"/> for the rows, with the batch's shared <see cref="BatchCondition"/>; sampling calls
/// <see cref="Sample"/>. <see cref="nn.Module{T1,T2,TResult}.forward"/> and <see cref="Generate(Tensor, Tensor?, Generator)"/>
/// take any condition matrix (the diagnostics' fixed probes).
/// </summary>
internal sealed class GeneratorNetwork : nn.Module<Tensor, Tensor?, Tensor>
{
    private readonly nn.Module<Tensor, Tensor?, Tensor> body;

    public GeneratorNetwork(GeneratorSpec spec) : base("generator")
    {
        Spec = spec;
        body = spec.Architecture switch
        {
            GanArchitecture.Dcgan => new DcganGenerator(spec.Dcgan!),
            GanArchitecture.Residual => new ResidualMlp("residual", spec.Mlp!),
            _ => new ConditionalMlp("mlp", spec.Mlp!, leaky: false),
        };
        RegisterComponents();
    }

    public GeneratorSpec Spec { get; }

    public override Tensor forward(Tensor noise, Tensor? condition) => body.forward(noise, condition);

    public Tensor Activate(Tensor logits, Generator random) => OutputHeads.Apply(logits, Spec.Spans, random);

    public Tensor Generate(Tensor noise, Tensor? condition, Generator random) => Activate(forward(noise, condition), random);

    /// <summary>The logits, with a condition that other forwards of the same training update share.</summary>
    public Tensor Forward(Tensor noise, BatchCondition? condition) => BatchCondition.Forward(body, noise, condition);

    /// <summary>Activated rows, with a condition that other forwards of the same training update share.</summary>
    public Tensor Generate(Tensor noise, BatchCondition? condition, Generator random) => Activate(Forward(noise, condition), random);

    /// <summary>
    /// Rows for sampling: categorical and mode choices are drawn as exact one-hot vectors (see
    /// <see cref="OutputHeads.ApplyForSampling"/>). The condition comes as its non-zero entries, which the MLP bodies
    /// use as they are; the DCGAN's embedding gets the dense matrix. Softmax spans at the offsets in
    /// <paramref name="mostLikely"/> take their most likely slot instead of a draw; <paramref name="logitOffsets"/>, when
    /// given, is added to every row's logits first (the categorical calibration); <paramref name="draws"/>, when given,
    /// makes a categorical draw depend on the row's earlier ones (<see cref="ISequentialCategoryDraws"/>).
    /// </summary>
    public Tensor Sample(Tensor noise, ActiveConditions? condition, Generator random, IReadOnlySet<int>? mostLikely = null, Tensor? logitOffsets = null, ISequentialCategoryDraws? draws = null)
    {
        var logits = SamplingLogits(noise, condition);
        return OutputHeads.ApplyForSampling(logitOffsets is null ? logits : logits.Plus(logitOffsets), Spec.Spans, random, mostLikely, draws);
    }

    /// <summary>The logits <see cref="Sample"/> activates.</summary>
    public Tensor SamplingLogits(Tensor noise, ActiveConditions? condition) =>
        BatchCondition.Forward(body, noise, condition is null ? null : BatchCondition.OfEntries(condition, noise.shape[0], Spec.ConditionWidth));

    /// <summary>A new network with this one's spec and weights (buffers included), on <paramref name="device"/>.</summary>
    public GeneratorNetwork Copy(Device device)
    {
        var copy = GlobalTorchRandom.Unseeded(() => new GeneratorNetwork(Spec));
        using var weights = ModuleSnapshot.Capture(this);
        weights.RestoreInto(copy.to(device));
        return copy;
    }

    /// <summary>A network of <paramref name="spec"/> with the weights a module's <c>save</c> wrote into <paramref name="weights"/>.</summary>
    /// <exception cref="InvalidDataException">The weights do not fit a network of <paramref name="spec"/>; <paramref name="what"/> names them.</exception>
    public static GeneratorNetwork Load(GeneratorSpec spec, byte[] weights, string what) =>
        SavedModule.LoadInto(GlobalTorchRandom.Unseeded(() => new GeneratorNetwork(spec)), weights, what);
}
