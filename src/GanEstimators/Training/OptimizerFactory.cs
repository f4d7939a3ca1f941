using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanEstimators.Training;

internal sealed record OptimizerSettings(GanOptimizer Optimizer, double LearningRate, double Beta1, double Beta2)
{
    public optim.Optimizer Create(IEnumerable<Parameter> parameters) => Optimizer switch
    {
        GanOptimizer.Adam => optim.Adam(parameters, LearningRate, Beta1, Beta2),
        GanOptimizer.RmsProp => optim.RMSProp(parameters, LearningRate),
        _ => throw new ArgumentOutOfRangeException(nameof(Optimizer), Optimizer, null),
    };
}
