using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanEstimators.Training.RootedOptimizers;

/// <summary>
/// RMSprop (no momentum, not centred, no weight decay), updating each parameter with the same operations in the same
/// order as TorchSharp's <see cref="TorchSharp.Modules.RMSProp"/>, with every <see cref="Scalar"/> held until its
/// native call returns (see <see cref="Adam"/> for why, and for the name).
/// </summary>
internal sealed class RMSProp : TorchSharp.Modules.RMSProp
{
    private readonly Scalar _alpha;
    private readonly Scalar _oneMinusAlpha;
    private readonly Scalar _epsilon;

    public RMSProp(IReadOnlyList<Parameter> parameters, double learningRate, double alpha = 0.99, double epsilon = 1e-8)
        : base(parameters, learningRate, alpha, epsilon)
    {
        _alpha = alpha.ToScalar();
        _oneMinusAlpha = (1 - alpha).ToScalar();
        _epsilon = epsilon.ToScalar();
    }

    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        using var negativeRate = (-group.LearningRate).ToScalar();
        foreach (var parameter in group.Parameters)
        {
            var gradient = parameter.grad;
            if (gradient is null) continue;
            var state = (State)_state[parameter.Handle];
            state.step += 1;

            state.square_avg.mul_(_alpha).addcmul_(gradient, gradient, value: _oneMinusAlpha);
            using var denominator = state.square_avg.sqrt();
            denominator.add_(_epsilon, TorchScalars.One);
            parameter.addcdiv_(gradient, denominator, value: negativeRate);
        }
    }, closure);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        foreach (var scalar in new[] { _alpha, _oneMinusAlpha, _epsilon }) scalar.Dispose();
    }
}
