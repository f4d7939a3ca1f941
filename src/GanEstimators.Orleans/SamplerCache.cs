using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Orleans;

/// <summary>
/// One loaded <see cref="GanSampler"/> per model file per silo, shared by every shard the silo writes. A file replaced
/// on disk (another size or write time) is loaded again; the sampler it replaces may still be generating a shard, so it
/// is kept (and disposed with the cache, when the silo stops) rather than disposed under it.
/// </summary>
public sealed class SamplerCache : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<CachedSampler>> _samplers = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<GanSampler> _replaced = new();
    private readonly GanClusterSamplingOptions _options;

    /// <summary>A cache that loads models with the silo's <see cref="GanClusterSamplingOptions"/>.</summary>
    public SamplerCache(IOptions<GanClusterSamplingOptions> options) => _options = options.Value;

    /// <summary>The sampler saved at <paramref name="modelPath"/>, loaded on first use.</summary>
    /// <exception cref="FileNotFoundException">No file at the path.</exception>
    /// <exception cref="InvalidDataException">The file is not a saved model holding a <see cref="GanSampler"/>.</exception>
    public GanSampler Get(string modelPath)
    {
        var path = Path.GetFullPath(modelPath);
        var file = new FileInfo(path);
        if (!file.Exists)
            throw new FileNotFoundException($"Model file '{modelPath}' does not exist on this silo ({Environment.MachineName}); give a path every silo can read (shared storage).", modelPath);
        var version = $"{file.Length}:{file.LastWriteTimeUtc.Ticks}";
        while (true)
        {
            var entry = _samplers.GetOrAdd(path, _ => new Lazy<CachedSampler>(() => Load(path, version)));
            CachedSampler cached;
            try
            {
                cached = entry.Value;
            }
            catch
            {
                _samplers.TryRemove(new KeyValuePair<string, Lazy<CachedSampler>>(path, entry));   // a bad file is read again next time
                throw;
            }
            if (cached.Version == version) return cached.Sampler;
            if (_samplers.TryUpdate(path, new Lazy<CachedSampler>(() => Load(path, version)), entry))
                _replaced.Add(cached.Sampler);
        }
    }

    private CachedSampler Load(string path, string version)
    {
        ITransformer model;
        try
        {
            model = new MLContext(seed: 0).Model.Load(path, out _);
        }
        catch (Exception e) when (e is not IOException and not UnauthorizedAccessException)
        {
            throw new InvalidDataException($"Model file '{path}' could not be loaded as an ML.NET model: {e.Message}", e);
        }
        var sampler = model as GanSampler
            ?? (model as TransformerChain<ITransformer>)?.LastTransformer as GanSampler
            ?? throw new InvalidDataException($"Model file '{path}' holds a {model.GetType().Name}, not a GanSampler (or a chain ending in one); save the sampler that GanTrainer.Fit returned.");
        sampler.NumberOfThreads = _options.NumberOfThreads;
        return new CachedSampler(sampler, version);
    }

    /// <summary>Disposes every loaded sampler.</summary>
    public void Dispose()
    {
        foreach (var entry in _samplers.Values)
            if (entry.IsValueCreated) entry.Value.Sampler.Dispose();
        foreach (var sampler in _replaced) sampler.Dispose();
        _samplers.Clear();
        _replaced.Clear();
    }

    private sealed record CachedSampler(GanSampler Sampler, string Version);
}
