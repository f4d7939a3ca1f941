using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Orleans;

/// <summary>
/// One loaded <see cref="GanSampler"/> per model file per silo, shared by every shard the silo writes. A file replaced
/// on disk (another size or write time) is loaded again; the sampler it replaces may still be generating a shard, so it
/// is kept (and disposed with the cache, when the silo stops) rather than disposed under it. A sampler in use when the
/// silo stops releases its memory when its current call ends (<see cref="GanSampler.Dispose"/>).
/// </summary>
public sealed class SamplerCache : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<CachedSampler>> _samplers = new(StringComparer.Ordinal);
    private readonly List<GanSampler> _loaded = new();   // current and replaced alike, until the cache is disposed
    private readonly object _lifetime = new();
    private volatile bool _disposed;
    private readonly GanClusterSamplingOptions _options;

    /// <summary>A cache that loads models with the silo's <see cref="GanClusterSamplingOptions"/>.</summary>
    public SamplerCache(IOptions<GanClusterSamplingOptions> options) => _options = options.Value;

    /// <summary>The sampler saved at <paramref name="modelPath"/>, loaded on first use.</summary>
    /// <exception cref="FileNotFoundException">No file at the path.</exception>
    /// <exception cref="InvalidDataException">The file is not a saved model holding a <see cref="GanSampler"/>.</exception>
    /// <exception cref="ObjectDisposedException">The cache is disposed (the silo is stopping).</exception>
    public GanSampler Get(string modelPath)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
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
            _samplers.TryUpdate(path, new Lazy<CachedSampler>(() => Load(path, version)), entry);
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
        lock (_lifetime)
        {
            if (!_disposed)
            {
                _loaded.Add(sampler);
                return new CachedSampler(sampler, version);
            }
        }
        sampler.Dispose();   // loaded while the silo stopped
        throw new ObjectDisposedException(nameof(SamplerCache), "The silo is stopping; its sampler cache is disposed.");
    }

    /// <summary>Disposes every loaded sampler.</summary>
    public void Dispose()
    {
        GanSampler[] loaded;
        lock (_lifetime)
        {
            if (_disposed) return;
            _disposed = true;
            loaded = _loaded.ToArray();
            _loaded.Clear();
        }
        foreach (var sampler in loaded) sampler.Dispose();
        _samplers.Clear();
    }

    private sealed record CachedSampler(GanSampler Sampler, string Version);
}
