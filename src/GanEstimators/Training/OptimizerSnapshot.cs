using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>
/// A copy of an optimiser's per-parameter state (Adam's moments, RMSprop's averages) and step counts, refreshed and
/// put back in place: copying the tensors once an epoch costs a fraction of serialising the state (which allocated
/// about 36 KB an epoch on the ring and took about half a millisecond).
/// </summary>
internal sealed class OptimizerSnapshot : IDisposable
{
    private readonly OptimizerState[] _states;
    private readonly (Tensor Live, Tensor Copy)[][] _tensors;
    private readonly long[] _steps;

    public OptimizerSnapshot(optim.Optimizer optimizer)
    {
        _states = ((OptimizerHelper)optimizer).state_dict().State.ToArray();
        using var _ = no_grad();
        _tensors = _states.Select(state => TensorsOf(state).Select(live => (live, live.detach().clone())).ToArray()).ToArray();
        _steps = new long[_states.Length];
        Refresh();
    }

    public void Refresh()
    {
        using var _ = no_grad();
        for (var i = 0; i < _states.Length; i++)
        {
            foreach (var (live, copy) in _tensors[i]) copy.copy_(live);
            _steps[i] = StepOf(_states[i]);
        }
    }

    public void Restore()
    {
        using var _ = no_grad();
        for (var i = 0; i < _states.Length; i++)
        {
            foreach (var (live, copy) in _tensors[i]) live.copy_(copy);
            SetStep(_states[i], _steps[i]);
        }
    }

    public void Dispose()
    {
        foreach (var tensors in _tensors)
            foreach (var (_, copy) in tensors) copy.Dispose();
    }

    // The tensors each optimiser updates in place in every step (AMSGrad, which replaces its maximum each step, is
    // never built here).
    private static Tensor[] TensorsOf(OptimizerState state) => state switch
    {
        Adam.State { max_exp_avg_sq: null } adam => new[] { adam.exp_avg, adam.exp_avg_sq },
        RMSProp.State rms => new[] { rms.square_avg, rms.momentum_buffer, rms.grad_avg }.Where(t => t is not null).ToArray(),
        _ => throw new NotSupportedException($"No snapshot for the optimiser state {state.GetType().FullName}."),
    };

    private static long StepOf(OptimizerState state) => state switch
    {
        Adam.State adam => adam.step,
        RMSProp.State rms => rms.step,
        _ => throw new NotSupportedException(state.GetType().FullName),
    };

    private static void SetStep(OptimizerState state, long step)
    {
        switch (state)
        {
            case Adam.State adam: adam.step = step; break;
            case RMSProp.State rms: rms.step = step; break;
        }
    }
}
