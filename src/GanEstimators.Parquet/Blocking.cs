namespace GanEstimators.Parquet;

/// <summary>
/// Waits for Parquet.Net's asynchronous calls: ML.NET cursors are synchronous. Parquet.Net awaits with
/// <c>ConfigureAwait(false)</c>, so waiting cannot deadlock on a synchronization context.
/// </summary>
internal static class Blocking
{
    public static void Wait(ValueTask task) => task.AsTask().GetAwaiter().GetResult();

    public static T Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();

    public static void Wait(Task task) => task.GetAwaiter().GetResult();

    public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
}
