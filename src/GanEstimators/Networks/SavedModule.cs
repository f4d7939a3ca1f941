using TorchSharp;

namespace GanEstimators.Networks;

/// <summary>Weights a module's <c>save</c> wrote, read back into a freshly built module of the same spec.</summary>
internal static class SavedModule
{
    /// <summary>
    /// Loads <paramref name="weights"/> into <paramref name="module"/> and returns it; when they do not fit (other names,
    /// shapes or a cut stream), disposes the module and throws an <see cref="InvalidDataException"/> naming
    /// <paramref name="what"/>, not TorchSharp's bare error.
    /// </summary>
    public static T LoadInto<T>(T module, byte[] weights, string what) where T : torch.nn.Module
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(weights));
            module.load(reader);
            return module;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or System.Runtime.InteropServices.ExternalException or FormatException or OverflowException)
        {
            module.Dispose();
            throw new InvalidDataException($"{char.ToUpperInvariant(what[0])}{what[1..]} do not fit the network they were saved for ({e.Message}); the file was altered or damaged. Train the model again.", e);
        }
    }
}
