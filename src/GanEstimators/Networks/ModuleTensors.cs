using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// A module's parameters and buffers by their state-dict names, read without <c>Module.state_dict()</c>: in TorchSharp
/// 0.107 that call leaks native memory every time (about 75 bytes per tensor, disposed or not), so code that runs once
/// per epoch or per loaded model must not use it.
/// </summary>
internal static class ModuleTensors
{
    public static Dictionary<string, Tensor> ByName(nn.Module module)
    {
        var named = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, parameter) in module.named_parameters()) named[name] = parameter;
        foreach (var (name, buffer) in module.named_buffers()) named[name] = buffer;
        return named;
    }
}
