using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>Both networks' optimiser family and settings; the discriminator may learn at its own rate (TTUR).</summary>
internal sealed record OptimizerSettings(GanOptimizer Optimizer, double LearningRate, double Beta1, double Beta2, double DiscriminatorLearningRate)
{
    /// <summary>
    /// The settings a resumed run trains with: the saved ones, with the learning rates the options give explicitly
    /// (as when training afresh, a learning rate alone sets both networks' rates).
    /// </summary>
    public OptimizerSettings WithRates(double? learningRate, double? discriminatorLearningRate) => this with
    {
        LearningRate = learningRate ?? LearningRate,
        DiscriminatorLearningRate = discriminatorLearningRate ?? learningRate ?? DiscriminatorLearningRate,
    };

    public optim.Optimizer CreateForGenerator(IEnumerable<Parameter> parameters) => Create(parameters, LearningRate);

    public optim.Optimizer CreateForDiscriminator(IEnumerable<Parameter> parameters) => Create(parameters, DiscriminatorLearningRate);

    private optim.Optimizer Create(IEnumerable<Parameter> parameters, double learningRate)
    {
        // TorchSharp's optimisers keep the sequence they are given and enumerate it in every zero_grad and step; a
        // module's parameters() is lazy and walks the module tree each time, allocating every parameter's name on the way.
        var fixedList = parameters.ToArray();
        return Optimizer switch
        {
            GanOptimizer.Adam => new RootedOptimizers.Adam(fixedList, learningRate, Beta1, Beta2),
            GanOptimizer.RmsProp => new RootedOptimizers.RMSProp(fixedList, learningRate),
            _ => throw new ArgumentOutOfRangeException(nameof(Optimizer), Optimizer, null),
        };
    }

    /// <summary>Sets every parameter group of <paramref name="optimizer"/> to learn at <paramref name="rate"/>.</summary>
    public static void SetRate(optim.Optimizer optimizer, double rate)
    {
        foreach (var group in ((OptimizerHelper)optimizer).ParamGroups) group.LearningRate = rate;
    }
}
