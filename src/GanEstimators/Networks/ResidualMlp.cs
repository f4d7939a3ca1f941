using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// CTGAN's generator body (Xu et al. 2019): each block is Linear → BatchNorm → ReLU and its output is concatenated to
/// its input, so later layers see both; a final linear layer gives the output logits.
/// </summary>
internal sealed class ResidualMlp : nn.Module<Tensor, Tensor?, Tensor>
{
    private readonly ModuleList<ConditionedLinear> linears = new();
    private readonly ModuleList<Sequential> activations = new();
    private readonly ConditionedLinear output;

    public ResidualMlp(string name, MlpSpec spec) : base(name)
    {
        // The condition is part of every layer's input, as in CTGAN (cat(noise, condition) is carried along).
        var width = spec.InputWidth;
        foreach (var hidden in spec.HiddenSizes)
        {
            linears.Add(new ConditionedLinear($"linear{linears.Count}", width, spec.ConditionWidth, hidden));
            activations.Add(nn.Sequential(RootedBatchNorm.OfRows(hidden), nn.ReLU()));
            width += hidden;
        }
        output = new ConditionedLinear("output", width, spec.ConditionWidth, spec.OutputWidth);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input, Tensor? condition)
    {
        var batch = BatchCondition.OfAnyMatrix(condition);
        using var entries = batch?.Active;
        return Forward(input, batch);
    }

    /// <summary>The same, with a batch's condition (see <see cref="ConditionedLinear.Forward(Tensor, BatchCondition?)"/>).</summary>
    public Tensor Forward(Tensor input, BatchCondition? condition)
    {
        var x = input;
        for (var i = 0; i < linears.Count; i++) x = cat(new[] { activations[i].forward(linears[i].Forward(x, condition)), x }, 1);
        return output.Forward(x, condition);
    }
}
