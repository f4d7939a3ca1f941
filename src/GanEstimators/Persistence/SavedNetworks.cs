using System.Runtime.InteropServices;
using GanEstimators.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Persistence;

/// <summary>
/// Checks a saved network against the spec it is loaded into, before and after the network is built: the spec must not
/// describe a network bigger than the weights saved for it (so an edited layer width cannot allocate gigabytes before a
/// shape error), and every saved tensor must have the name, element type and shape the built network expects.
/// </summary>
internal static class SavedNetworks
{
    /// <summary>Weights an MLP of <paramref name="spec"/> has at least: its layers' weight matrices (and the condition rows of the first).</summary>
    public static long MinimumWeights(MlpSpec spec)
    {
        var widths = spec.HiddenSizes.Prepend(spec.InputWidth).Append(spec.OutputWidth).Select(w => (long)w).ToArray();
        var total = (long)spec.ConditionWidth * widths[1];
        for (var i = 1; i < widths.Length; i++) total += widths[i - 1] * widths[i];
        return total;
    }

    /// <summary>Weights a residual MLP of <paramref name="spec"/> has at least: each layer sees the noise, the condition and every earlier layer's output.</summary>
    public static long MinimumResidualWeights(MlpSpec spec)
    {
        long width = spec.InputWidth, total = 0;
        foreach (var hidden in spec.HiddenSizes)
        {
            total += (width + spec.ConditionWidth) * hidden;
            width += hidden;
        }
        return total + (width + spec.ConditionWidth) * spec.OutputWidth;
    }

    /// <summary>Weights a DCGAN generator of <paramref name="spec"/> has at least: its condition embedding, projection and first transposed convolution.</summary>
    public static long MinimumWeights(DcganGeneratorSpec spec)
    {
        // In double: an edited spec's product may pass long's range, and the check only needs a lower bound.
        double wide = 2.0 * spec.BaseChannels, cells = (double)(spec.Image.Height / 4) * (spec.Image.Width / 4);
        double embedding = spec.ConditionWidth > 0 ? spec.ConditionEmbeddingWidth : 0;
        return (long)Math.Min(long.MaxValue, spec.ConditionWidth * embedding + (spec.NoiseWidth + embedding) * wide * cells + wide * spec.BaseChannels * 16);
    }

    /// <summary>Weights a DCGAN discriminator of <paramref name="spec"/> has at least: its two strided convolutions and its output.</summary>
    public static long MinimumWeights(DcganDiscriminatorSpec spec)
    {
        long narrow = spec.BaseChannels, features = 2L * narrow * (spec.Image.Height / 4) * (spec.Image.Width / 4);
        return (long)spec.PacSize * spec.Image.Channels * narrow * 16 + narrow * 2 * narrow * 16 + features * (1 + (long)spec.PacSize * spec.ConditionWidth);
    }

    public static long MinimumWeights(GeneratorSpec spec) =>
        spec.Dcgan is { } d ? MinimumWeights(d)
        : spec.Architecture == GanArchitecture.Residual ? MinimumResidualWeights(spec.Mlp!)
        : MinimumWeights(spec.Mlp!);

    public static long MinimumWeights(DiscriminatorSpec spec) => spec.Dcgan is { } d ? MinimumWeights(d) : MinimumWeights(spec.Mlp!);

    /// <summary>Throws unless <paramref name="saved"/> holds at least the <paramref name="minimum"/> weights its spec implies.</summary>
    public static void CheckHoldsEnough(SavedStateDict saved, long minimum, string network, string entry, string describedIn)
    {
        if (minimum > saved.TotalElements)
            throw new InvalidDataException(
                $"Model entry '{entry}' holds {saved.TotalElements} weights, but the {network} described in '{describedIn}' needs at least {minimum}; the model's network shape and its weights disagree (the file was altered or damaged).");
    }

    /// <summary>Throws unless every tensor of <paramref name="network"/> is saved in <paramref name="saved"/> with its element type and shape, and nothing else is.</summary>
    public static void CheckMatches(nn.Module network, SavedStateDict saved, string entry)
    {
        var expected = ModuleTensors.ByName(network);
        if (expected.Count != saved.Tensors.Count)
            throw new InvalidDataException($"Model entry '{entry}' holds {saved.Tensors.Count} tensors; the network the model describes has {expected.Count}.");
        foreach (var tensor in saved.Tensors)
        {
            if (!expected.TryGetValue(tensor.Name, out var target))
                throw new InvalidDataException($"Model entry '{entry}' holds a tensor '{tensor.Name}' the network the model describes does not have.");
            if ((int)target.dtype != tensor.ScalarType || !target.shape.SequenceEqual(tensor.Shape))
                throw new InvalidDataException(
                    $"Model entry '{entry}' holds tensor '{tensor.Name}' of shape {tensor.ShapeText} (type {tensor.ScalarType}); the network the model describes needs [{string.Join(", ", target.shape)}] (type {(int)target.dtype}).");
        }
    }

    /// <summary>
    /// Copies checked weights (<paramref name="saved"/>, read from <paramref name="weights"/> and matched by
    /// <see cref="CheckMatches"/>) into <paramref name="network"/>. Not through <c>Module.load</c>: it calls
    /// <c>Module.state_dict()</c>, which in TorchSharp 0.107 leaks native memory on every call (about 75 bytes per
    /// tensor, disposed or not), so a process loading models over and over grew without bound.
    /// </summary>
    public static void Load(nn.Module network, SavedStateDict saved, byte[] weights)
    {
        var targets = ModuleTensors.ByName(network);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var tensor in saved.Tensors)
            targets[tensor.Name].copy_(Values(tensor, weights.AsSpan(tensor.DataOffset, tensor.DataLength)));
    }

    /// <summary>
    /// Writes <paramref name="network"/>'s parameters and buffers in the layout <c>Module.save</c> writes (what
    /// <see cref="SavedStateDict"/> and <c>Module.load</c> read), without calling <c>Module.state_dict()</c> (see
    /// <see cref="Load"/>): an entry count, then per tensor its name, element type, shape and raw data.
    /// </summary>
    public static void Save(nn.Module network, BinaryWriter writer)
    {
        var tensors = ModuleTensors.ByName(network);
        writer.Write7BitEncodedInt64(tensors.Count);
        using var scope = NewDisposeScope();
        foreach (var (name, tensor) in tensors)
        {
            writer.Write(name);
            writer.Write7BitEncodedInt64((long)tensor.dtype);
            writer.Write7BitEncodedInt64(tensor.shape.Length);
            foreach (var size in tensor.shape) writer.Write7BitEncodedInt64(size);
            var values = tensor.detach().cpu().contiguous();
            writer.Write(tensor.dtype switch
            {
                ScalarType.Float32 => MemoryMarshal.AsBytes(values.data<float>().ToArray().AsSpan()),
                ScalarType.Float64 => MemoryMarshal.AsBytes(values.data<double>().ToArray().AsSpan()),
                ScalarType.Int64 => MemoryMarshal.AsBytes(values.data<long>().ToArray().AsSpan()),
                ScalarType.Int32 => MemoryMarshal.AsBytes(values.data<int>().ToArray().AsSpan()),
                _ => throw new InvalidOperationException($"Tensor '{name}' has element type {tensor.dtype}, which GanEstimators networks do not use."),
            });
        }
    }

    private static Tensor Values(SavedStateDict.Tensor tensor, ReadOnlySpan<byte> data) => tensor.ScalarType switch
    {
        6 => torch.tensor(MemoryMarshal.Cast<byte, float>(data).ToArray(), tensor.Shape),
        7 => torch.tensor(MemoryMarshal.Cast<byte, double>(data).ToArray(), tensor.Shape),
        4 => torch.tensor(MemoryMarshal.Cast<byte, long>(data).ToArray(), tensor.Shape),
        3 => torch.tensor(MemoryMarshal.Cast<byte, int>(data).ToArray(), tensor.Shape),
        _ => throw new InvalidDataException($"Tensor '{tensor.Name}' has element type {tensor.ScalarType}, which GanEstimators networks do not use."),
    };
}
