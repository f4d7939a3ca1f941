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
    private readonly ModuleList<Sequential> blocks = new();
    private readonly Linear output;

    public ResidualMlp(string name, MlpSpec spec) : base(name)
    {
        var width = spec.InputWidth + spec.ConditionWidth;
        foreach (var hidden in spec.HiddenSizes)
        {
            blocks.Add(nn.Sequential(nn.Linear(width, hidden), nn.BatchNorm1d(hidden), nn.ReLU()));
            width += hidden;
        }
        output = nn.Linear(width, spec.OutputWidth);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input, Tensor? condition)
    {
        var x = condition is null ? input : cat(new[] { input, condition }, 1);
        foreach (var block in blocks) x = cat(new[] { block.forward(x), x }, 1);
        return output.forward(x);
    }
}
