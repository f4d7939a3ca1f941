using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Orleans;

/// <summary>
/// One loaded <see cref="GanSampler"/> per model file per silo, shared by every shard the silo writes, each shard
/// holding a <see cref="SamplerLease"/> while it writes. A file replaced on disk (another size or write time) is loaded
/// again; the sampler it replaces is disposed when its last lease ends, so a silo serving a model retrained every night
/// holds one sampler per path, not one per version. When the silo stops, the cache disposes every sampler: one in use
/// then releases its memory when its current call ends (<see cref="GanSampler.Dispose"/>).
/// </summary>
public sealed class SamplerCache : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<CachedSampler>> _samplers = new(StringComparer.Ordinal);
    private readonly HashSet<CachedSampler> _loaded = new();   // not yet disposed: current, and replaced ones still leased
    private readonly object _lifetime = new();
    private volatile bool _disposed;
    private readonly GanClusterSamplingOptions _options;

    /// <summary>A cache that loads models with the silo's <see cref="GanClusterSamplingOptions"/>.</summary>
    public SamplerCache(IOptions<GanClusterSamplingOptions> options) => _options = options.Value;

    /// <summary>
    /// The sampler saved at <paramref name="modelPath"/>, loaded on first use, for as long as the returned lease is not
    /// disposed: dispose it when done with the sampler.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at the path.</exception>
    /// <exception cref="InvalidDataException">The file is not a saved model holding a <see cref="GanSampler"/>.</exception>
    /// <exception cref="ObjectDisposedException">The cache is disposed (the silo is stopping).</exception>
    public SamplerLease Rent(string modelPath)
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
            if (cached.Version == version)
            {
                lock (_lifetime)
                {
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    if (!cached.Replaced)
                    {
                        cached.Leases++;
                        return new SamplerLease(this, cached);
                    }
                }
                continue;   // replaced (and perhaps disposed) since it was read: read the entry again
            }
            if (_samplers.TryUpdate(path, new Lazy<CachedSampler>(() => Load(path, version)), entry)) Retire(cached);
        }
    }

    private CachedSampler Load(string path, string version)
    {
        // Loaded from the bytes that are hashed, so the hash names exactly the model that writes the shards.
        var bytes = File.ReadAllBytes(path);
        var sha256 = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
        ITransformer model;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            model = new MLContext(seed: 0).Model.Load(stream, out _);
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
                var cached = new CachedSampler(sampler, version, sha256);
                _loaded.Add(cached);
                return cached;
            }
        }
        sampler.Dispose();   // loaded while the silo stopped
        throw new ObjectDisposedException(nameof(SamplerCache), "The silo is stopping; its sampler cache is disposed.");
    }

    /// <summary>A sampler whose file was replaced: no new leases; disposed now if none is held, else when the last ends.</summary>
    private void Retire(CachedSampler cached)
    {
        lock (_lifetime)
        {
            cached.Replaced = true;
            if (cached.Leases > 0 || !_loaded.Remove(cached)) return;
        }
        cached.Sampler.Dispose();
    }

    private void Return(CachedSampler cached)
    {
        lock (_lifetime)
        {
            cached.Leases--;
            if (cached.Leases > 0 || !cached.Replaced || !_loaded.Remove(cached)) return;
        }
        cached.Sampler.Dispose();
    }

    /// <summary>Disposes every loaded sampler, leased or not.</summary>
    public void Dispose()
    {
        CachedSampler[] loaded;
        lock (_lifetime)
        {
            if (_disposed) return;
            _disposed = true;
            loaded = _loaded.ToArray();
            _loaded.Clear();
        }
        foreach (var cached in loaded) cached.Sampler.Dispose();
        _samplers.Clear();
    }

    internal sealed class CachedSampler(GanSampler sampler, string version, string modelSha256)
    {
        public GanSampler Sampler { get; } = sampler;
        public string Version { get; } = version;
        public string ModelSha256 { get; } = modelSha256;
        public int Leases { get; set; }     // under the cache's lifetime lock
        public bool Replaced { get; set; }  // under the cache's lifetime lock
    }

    /// <summary>A shard's hold on a cached sampler: the sampler is not disposed for a newer file while the lease is held.</summary>
    public sealed class SamplerLease : IDisposable
    {
        private SamplerCache? _cache;
        private readonly CachedSampler _cached;

        internal SamplerLease(SamplerCache cache, CachedSampler cached)
        {
            _cache = cache;
            _cached = cached;
        }

        /// <summary>The leased sampler.</summary>
        public GanSampler Sampler => _cached.Sampler;

        /// <summary>Lower-case hex SHA-256 of the model file's bytes the sampler was loaded from.</summary>
        public string ModelSha256 => _cached.ModelSha256;

        /// <summary>Ends the lease (once).</summary>
        public void Dispose() => Interlocked.Exchange(ref _cache, null)?.Return(_cached);
    }
}
