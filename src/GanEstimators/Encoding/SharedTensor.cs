using static TorchSharp.torch;

namespace GanEstimators.Encoding;

/// <summary>A (rows × width) tensor over a .NET array: on the CPU it shares the array's memory (pinned while the tensor lives) instead of copying it, which halves a large training table's footprint; on another device it is copied there.</summary>
internal static class SharedTensor
{
    public static Tensor Of(Array values, ScalarType type, int rows, int width, Device device)
    {
        if (values.Length == 0) return zeros(new long[] { rows, width }, type, device);
        using var flat = frombuffer(values, type);
        if (device.type == TorchSharp.DeviceType.CPU) return flat.view(rows, width);
        using var shaped = flat.view(rows, width);
        return shaped.to(device);
    }

    /// <summary>
    /// A (rows × width) copy of <paramref name="values"/> on <paramref name="device"/>, made by libtorch: unlike
    /// <c>torch.tensor(array)</c>, which clones the array into a new .NET array, it leaves no large-object garbage
    /// behind, so a buffer reused every step costs no garbage collections and no fresh pages.
    /// </summary>
    public static Tensor Copy(float[] values, int rows, int width, Device device)
    {
        using var flat = frombuffer(values, ScalarType.Float32, count: (long)rows * width);
        using var shaped = flat.view(rows, width);
        return device.type == TorchSharp.DeviceType.CPU ? shaped.clone() : shaped.to(device);
    }
}
