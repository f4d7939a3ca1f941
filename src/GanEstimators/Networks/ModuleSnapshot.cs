using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>A detached copy of a module's weights and buffers, to put back later (last good epoch, best epoch).</summary>
internal sealed class ModuleSnapshot : IDisposable
{
    private readonly Dictionary<string, (Tensor Live, Tensor Copy)> _tensors;

    private ModuleSnapshot(Dictionary<string, (Tensor Live, Tensor Copy)> tensors) => _tensors = tensors;

    public static ModuleSnapshot Capture(nn.Module module)
    {
        using var _ = no_grad();
        return new ModuleSnapshot(ModuleTensors.ByName(module).ToDictionary(kv => kv.Key, kv => (kv.Value, Copy(kv.Value))));
    }

    /// <summary>Copies the captured module's weights as they are now over the snapshot, in place (no new tensors).</summary>
    public void Refresh()
    {
        using var _ = no_grad();
        foreach (var (live, copy) in _tensors.Values) copy.copy_(live);
    }

    public void RestoreInto(nn.Module module)
    {
        using var _ = no_grad();
        foreach (var (name, tensor) in ModuleTensors.ByName(module)) tensor.copy_(_tensors[name].Copy);
    }

    public void Dispose()
    {
        foreach (var (_, copy) in _tensors.Values) copy.Dispose();
    }

    private static Tensor Copy(Tensor live)
    {
        using var detached = live.detach();
        return detached.clone();
    }
}
