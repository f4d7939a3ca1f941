using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>A detached copy of a module's weights, to put back later (last good epoch, best epoch).</summary>
internal sealed class ModuleSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> _state;

    private ModuleSnapshot(Dictionary<string, Tensor> state) => _state = state;

    public static ModuleSnapshot Capture(nn.Module module)
    {
        using var _ = no_grad();
        return new ModuleSnapshot(module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone()));
    }

    public void RestoreInto(nn.Module module)
    {
        using var _ = no_grad();
        foreach (var (name, tensor) in module.state_dict()) tensor.copy_(_state[name]);
    }

    public void Dispose()
    {
        foreach (var tensor in _state.Values) tensor.Dispose();
    }
}
