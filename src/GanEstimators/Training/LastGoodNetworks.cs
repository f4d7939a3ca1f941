using static TorchSharp.torch;
using GanEstimators.Networks;

namespace GanEstimators.Training;

/// <summary>Copies of the networks after the last epoch whose losses were finite, which the NaN policy puts back.</summary>
internal sealed class LastGoodNetworks : IDisposable
{
    private readonly nn.Module[] _networks;
    private readonly ModuleSnapshot[] _snapshots;

    public LastGoodNetworks(params nn.Module[] networks)
    {
        _networks = networks;
        _snapshots = networks.Select(ModuleSnapshot.Capture).ToArray();
    }

    public void Restore()
    {
        for (var i = 0; i < _networks.Length; i++) _snapshots[i].RestoreInto(_networks[i]);
    }

    /// <summary>Makes the copies the networks as they are now.</summary>
    public void Update()
    {
        foreach (var snapshot in _snapshots) snapshot.Refresh();
    }

    public void Dispose()
    {
        foreach (var snapshot in _snapshots) snapshot.Dispose();
    }
}
