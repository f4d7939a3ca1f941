using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanEstimators.Training.RootedOptimizers;

/// <summary>
/// Adam (no weight decay, no AMSGrad), updating each parameter with the same operations in the same order as
/// TorchSharp's <see cref="TorchSharp.Modules.Adam"/>, so results are bit-identical, but with every
/// <see cref="Scalar"/> held until its native call returns.
/// </summary>
/// <remarks>
/// TorchSharp's own step turns each number (β, 1 − β, ε, −step size) into a temporary <see cref="Scalar"/> that nothing
/// references during the native call, so a garbage collection on another thread can run its finalizer and free it
/// mid-call ("Expected false to be true … toFloat", seen in CI). The state stays TorchSharp's
/// <see cref="TorchSharp.Modules.Adam.State"/>, so saved training states read and write as before. The class has
/// TorchSharp's name because a saved state names its optimiser by the class's simple name, and loading checks it:
/// states saved with TorchSharp's Adam load here, and states saved here load where TorchSharp's Adam is used.
/// </remarks>
internal sealed class Adam : TorchSharp.Modules.Adam
{
    private readonly Scalar _beta1;
    private readonly Scalar _oneMinusBeta1;
    private readonly Scalar _beta2;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _epsilon;
    private readonly double _beta1Value;
    private readonly double _beta2Value;

    public Adam(IReadOnlyList<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon = 1e-8)
        : base(parameters, learningRate, beta1, beta2, epsilon)
    {
        _beta1Value = beta1;
        _beta2Value = beta2;
        _beta1 = beta1.ToScalar();
        _oneMinusBeta1 = (1 - beta1).ToScalar();
        _beta2 = beta2.ToScalar();
        _oneMinusBeta2 = (1 - beta2).ToScalar();
        _epsilon = epsilon.ToScalar();
    }

    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var learningRate = group.LearningRate;
        foreach (var parameter in group.Parameters)
        {
            var gradient = parameter.grad;
            if (gradient is null) continue;
            var state = (State)_state[parameter.Handle];
            state.step += 1;
            var biasCorrection1 = 1 - Math.Pow(_beta1Value, state.step);
            var biasCorrection2 = 1 - Math.Pow(_beta2Value, state.step);

            state.exp_avg.mul_(_beta1).add_(gradient, alpha: _oneMinusBeta1);
            state.exp_avg_sq.mul_(_beta2).addcmul_(gradient, gradient, value: _oneMinusBeta2);
            using var rootCorrection = Math.Sqrt(biasCorrection2).ToScalar();
            using var denominator = state.exp_avg_sq.sqrt();
            denominator.div_(rootCorrection).add_(_epsilon, TorchScalars.One);
            using var stepSize = (-learningRate / biasCorrection1).ToScalar();
            parameter.addcdiv_(state.exp_avg, denominator, value: stepSize);
        }
    }, closure);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        foreach (var scalar in new[] { _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2, _epsilon }) scalar.Dispose();
    }
}
