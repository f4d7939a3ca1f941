namespace GanEstimators.Benchmarks;

/// <summary>
/// Garbage collections and finalizers run back to back on another thread, with native scalars of another type made
/// and dropped in between so that freed scalar memory is reused at once. TorchSharp frees a temporary Scalar in its
/// finalizer even while a native call still reads it; under this pressure any step that passes one fails or changes
/// its result. <c>--fingerprint --beside-collections</c> must print the plain fingerprint's hashes.
/// </summary>
internal sealed class CollectionPressure : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _collector;
    private long _collections;

    public CollectionPressure()
    {
        _collector = Task.Factory.StartNew(() =>
        {
            while (!_stop.IsCancellationRequested)
            {
                for (var i = 0; i < 100; i++) _ = (TorchSharp.Scalar)(i % 2 == 0);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                Interlocked.Increment(ref _collections);
            }
        }, TaskCreationOptions.LongRunning);
    }

    public long Collections => Interlocked.Read(ref _collections);

    public void Dispose()
    {
        _stop.Cancel();
        _collector.Wait();
        _stop.Dispose();
    }
}
