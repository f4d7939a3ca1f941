using GanEstimators.Encoding;
using GanEstimators.Networks;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Sampling;

/// <summary>
/// A trained generator with the encoders around it: noise (drawn on the CPU, so a seed gives the same noise on any
/// device) and class indices in, decoded rows (raw feature values, row-major) out.
/// </summary>
internal sealed class SyntheticRowGenerator : IDisposable
{
    private const int ChunkRows = 8192;

    public SyntheticRowGenerator(TableEncoder features, ConditionEncoder? condition, ConditionalMlp generator, Device device)
    {
        Features = features;
        Condition = condition;
        Network = generator;
        Device = device;
        Network.to(device).eval();
    }

    public TableEncoder Features { get; }

    public ConditionEncoder? Condition { get; }

    public ConditionalMlp Network { get; }

    public Device Device { get; }

    public int NoiseDimension => Network.Spec.InputWidth;

    /// <summary>Decoded rows for the given classes (null for an unconditional GAN), drawing noise from <paramref name="random"/>.</summary>
    public float[] Generate(int rows, int[]? classIndices, Generator random)
    {
        var raw = new float[rows * Features.RawWidth];
        for (var start = 0; start < rows; start += ChunkRows)
        {
            var count = Math.Min(ChunkRows, rows - start);
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var noise = randn(count, NoiseDimension, generator: random).to(Device);
            Tensor? conditions = null;
            if (Condition is not null)
            {
                var indices = new long[count];
                for (var i = 0; i < count; i++) indices[i] = classIndices![start + i];
                conditions = F.one_hot(tensor(indices), Condition.Count).to(float32).to(Device);
            }
            var encoded = Network.forward(noise, conditions).cpu();
            Features.Decode(encoded.data<float>().ToArray(), count).CopyTo(raw.AsSpan(start * Features.RawWidth));
        }
        return raw;
    }

    /// <summary>A new generator network with this one's weights, for further training (this one stays as it is).</summary>
    public ConditionalMlp CopyNetwork()
    {
        var copy = ConditionalMlp.Generator(Network.Spec);
        using var weights = Training.ModuleSnapshot.Capture(Network);
        weights.RestoreInto(copy.to(Device));
        return copy;
    }

    public void Dispose() => Network.Dispose();
}
