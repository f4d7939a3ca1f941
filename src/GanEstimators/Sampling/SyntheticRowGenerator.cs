using GanEstimators.Encoding;
using GanEstimators.Networks;
using GanEstimators.Training;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Sampling;

/// <summary>
/// A trained generator with the encoders around it: noise (drawn on the CPU, so a seed gives the same noise on any
/// device), conditions and a request in, decoded rows (raw feature values, row-major) out.
/// </summary>
internal sealed class SyntheticRowGenerator : IDisposable
{
    // Rows per forward pass. On a CPU shared with other work, chunks whose activations stay in cache sampled 25-40 %
    // faster than 8,192-row chunks; on an idle machine both are the same (flights-20k, BENCHMARKS.md). The same on
    // every device, so a seed draws the same noise on a GPU.
    private const int ChunkRows = 2048;

    public SyntheticRowGenerator(TableEncoder features, ConditionEncoder? condition, CategoryConditions categories, GeneratorNetwork generator, Device device)
    {
        Features = features;
        Condition = condition;
        Categories = categories;
        Network = generator;
        Device = device;
        Network.to(device).eval();
    }

    public TableEncoder Features { get; }

    public ConditionEncoder? Condition { get; }

    /// <summary>The categorical columns' conditional-vector layout and real slot frequencies.</summary>
    public CategoryConditions Categories { get; }

    public GeneratorNetwork Network { get; }

    public Device Device { get; }

    public int NoiseDimension => Network.Spec.NoiseDimension;

    /// <summary>Decoded rows satisfying <paramref name="request"/>, drawing all randomness from <paramref name="random"/>.</summary>
    public float[] Generate(int rows, GenerationRequest request, Generator random)
    {
        var raw = new float[rows * Features.RawWidth];
        for (var start = 0; start < rows; start += ChunkRows)
        {
            var count = Math.Min(ChunkRows, rows - start);
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var noise = TorchRandom.Normal(new long[] { count, NoiseDimension }, Device, random);
            var decodeRandom = TorchRandom.DerivedRandom(random);
            var conditions = Conditions(start, count, request, decodeRandom);
            using var deviceRandom = new Generator((ulong)decodeRandom.NextInt64());
            var encoded = Network.Sample(noise, conditions, deviceRandom).cpu().contiguous();
            var chunk = raw.AsSpan(start * Features.RawWidth, count * Features.RawWidth);
            Features.Decode(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(encoded.bytes), count, chunk, decodeRandom);
            foreach (var fixedCategory in request.FixedCategories)
            {
                var offset = Features.RawOffsetOf(fixedCategory.ColumnIndex);
                for (var r = 0; r < count; r++) chunk[r * Features.RawWidth + offset] = fixedCategory.RawValue;
            }
        }
        return raw;
    }

    private Tensor? Conditions(int start, int count, GenerationRequest request, Random random)
    {
        Tensor? labels = null;
        if (Condition is not null)
        {
            var indices = new long[count];
            for (var i = 0; i < count; i++) indices[i] = request.ClassIndices![start + i];
            labels = F.one_hot(tensor(indices), Condition.Count).to(float32);
        }
        if (Categories.Width == 0) return labels?.to(Device);
        var vector = new float[count * Categories.Width];
        if (request.FixedCategories.Count == 0) Categories.DrawForSampling(count, vector, random);
        else
            for (var r = 0; r < count; r++)
                foreach (var fixedCategory in request.FixedCategories)
                    vector[r * Categories.Width + fixedCategory.ConditionIndex] = 1;
        var categoryVector = tensor(vector, new long[] { count, Categories.Width });
        return (labels is null ? categoryVector : cat(new[] { labels, categoryVector }, 1)).to(Device);
    }

    /// <summary>A new generator network with this one's weights, for further training (this one stays as it is).</summary>
    public GeneratorNetwork CopyNetwork() => Network.Copy(Device);

    public void Dispose() => Network.Dispose();
}
