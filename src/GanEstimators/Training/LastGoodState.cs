using GanEstimators.Networks;
using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>
/// What training updates, as it was after the last epoch whose losses were finite, which the NaN policy puts back: the
/// networks' weights and buffers and, for a run that keeps its training state, the optimisers' moments, the training
/// random generator and the generator average's count. The diverged epoch has written into all of them (Adam's moments
/// hold its non-finite gradients), so a kept state resumes as if that epoch had never run.
/// </summary>
internal sealed class LastGoodState : IDisposable
{
    private readonly nn.Module[] _networks;
    private readonly ModuleSnapshot[] _snapshots;
    private readonly OptimizerSnapshot[] _optimizers;
    private readonly Generator? _random;
    private readonly GeneratorAverage? _average;
    private Tensor? _randomState;
    private long _averageUpdates;

    /// <param name="loop">The loop whose networks, optimisers and average are copied.</param>
    /// <param name="random">The run's training random generator.</param>
    /// <param name="wholeState">Whether the optimisers, random generator and average are put back too (a kept training state needs them).</param>
    public LastGoodState(AdversarialTrainingLoop loop, Generator random, bool wholeState)
    {
        _networks = loop.Average is null ? new nn.Module[] { loop.Generator, loop.Discriminator } : new nn.Module[] { loop.Generator, loop.Discriminator, loop.SampledGenerator };
        _snapshots = _networks.Select(ModuleSnapshot.Capture).ToArray();
        _optimizers = !wholeState ? Array.Empty<OptimizerSnapshot>()
            : new[] { new OptimizerSnapshot(loop.GeneratorOptimizer), new OptimizerSnapshot(loop.DiscriminatorOptimizer) };
        if (wholeState) (_random, _average) = (random, loop.Average);
        CaptureProgress();
    }

    /// <summary>Makes the copies what training holds now.</summary>
    public void Update()
    {
        foreach (var snapshot in _snapshots) snapshot.Refresh();
        CaptureProgress();
    }

    public void Restore()
    {
        for (var i = 0; i < _networks.Length; i++) _snapshots[i].RestoreInto(_networks[i]);
        foreach (var optimizer in _optimizers) optimizer.Restore();
        if (_random is not null) _random.set_state(_randomState!);
        _average?.RestoreUpdates(_averageUpdates);
    }

    public void Dispose()
    {
        foreach (var snapshot in _snapshots) snapshot.Dispose();
        foreach (var optimizer in _optimizers) optimizer.Dispose();
        _randomState?.Dispose();
    }

    private void CaptureProgress()
    {
        foreach (var optimizer in _optimizers) optimizer.Refresh();
        if (_random is not null)
        {
            _randomState?.Dispose();
            _randomState = _random.get_state();
        }
        _averageUpdates = _average?.Updates ?? 0;
    }
}
