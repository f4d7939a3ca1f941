namespace GanEstimators.Orleans;

/// <summary>
/// Checks that every shard of a cluster sample came from the same model file's bytes. Silos load the file when they
/// first need it, so a file replaced during a sample (a nightly retraining) would otherwise give parts from two models
/// under one manifest.
/// </summary>
internal sealed class SameModel(string modelPath)
{
    private ShardResult? _first;

    /// <summary>Returns <paramref name="result"/>, or throws when its model differs from the first shard's.</summary>
    /// <exception cref="ClusterSamplingException">The model file changed while the sample was being written.</exception>
    public ShardResult Check(ShardResult result)
    {
        var first = Interlocked.CompareExchange(ref _first, result, null) ?? result;
        if (first.ModelSha256 == result.ModelSha256) return result;
        throw new ClusterSamplingException(
            $"Model file '{modelPath}' changed while the sample was being written: shard {first.ShardIndex} came from a model with SHA-256 " +
            $"{first.ModelSha256}, shard {result.ShardIndex} from {result.ModelSha256}, so the parts would mix two models. " +
            "Run the sample again once the file is no longer being replaced (or sample from a copy that is not).");
    }
}
