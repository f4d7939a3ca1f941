using System.Diagnostics;
using GanEstimators.Parquet;
using Microsoft.ML;

namespace GanEstimators.Benchmarks;

/// <summary>
/// Issue 21: a large synthetic sample written to Parquet in bounded memory. Trains a small model on a mixed-type table
/// (integer, float with missing values, date, category, boolean, condition), then times reading --rows rows of
/// <c>SampleRange</c> (sampling alone) and writing them with <c>SaveAsParquet</c>, and reports the peak RSS of the write
/// (the kernel's high-water mark, reset after training).
/// </summary>
internal static class ParquetWrite
{
    public static void Run(long rows, int threads)
    {
        var ml = new MLContext(seed: 1);
        var random = new Random(1);
        var table = Enumerable.Range(0, 2_000).Select(i => new Row
        {
            Visitors = random.Next(1, 50),
            Amount = random.NextDouble() < 0.3 ? float.NaN : (float)(random.NextDouble() * 20),
            Day = new DateTime(2020, 1, 1).AddDays(random.Next(700)),
            Color = random.NextDouble() < 0.1 ? "" : new[] { "red", "green", "blue", "black" }[random.Next(4)],
            Sunny = random.Next(3) == 0,
            City = i % 3 == 0 ? "Oslo" : "Bergen",
        }).ToArray();
        using var sampler = ml.Gan().Trainer(new GanTrainer.Options
        {
            FeatureColumnNames = new[] { "Visitors", "Amount", "Day", "Color", "Sunny" },
            ConditionColumnName = "City",
            Epochs = 2,
            NumberOfThreads = threads,
        }).Fit(ml.Data.LoadFromEnumerable(table));
        sampler.NumberOfThreads = threads;
        Console.WriteLine($"{Environment.ProcessorCount} cores, libtorch threads {threads}, load average {MachineLoad.Average()}; peak RSS after training {PeakRssMiB()} MiB");

        var watch = Stopwatch.StartNew();
        SamplingSpeed.Materialise(sampler.SampleRange(0, rows, seed: 2));
        var sampling = watch.Elapsed.TotalSeconds;

        var path = Path.Combine(Path.GetTempPath(), $"parquet-write-{Environment.ProcessId}.parquet");
        ResetPeakRss();
        watch.Restart();
        var written = ml.Data.SaveAsParquet(sampler.SampleRange(0, rows, seed: 2), path);
        var writing = watch.Elapsed.TotalSeconds;
        var bytes = new FileInfo(path).Length;
        File.Delete(path);
        Console.WriteLine($"rows {written:N0}: sampling alone {rows / sampling:N0} rows/s ({sampling:F1} s); sampling + Parquet write {rows / writing:N0} rows/s ({writing:F1} s), " +
            $"file {bytes / 1048576.0:F1} MiB; peak RSS during the write {PeakRssMiB()} MiB; load average {MachineLoad.Average()}");
    }

    private sealed class Row
    {
        public int Visitors { get; set; }
        public float Amount { get; set; }
        public DateTime Day { get; set; }
        public string Color { get; set; } = "";
        public bool Sunny { get; set; }
        public string City { get; set; } = "";
    }

    // Writing 5 to clear_refs resets the VmHWM high-water mark to the current RSS (Linux 4.0 and later).
    private static void ResetPeakRss()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException) { Console.WriteLine("(could not reset the peak RSS; the figure includes training)"); }
    }

    private static long PeakRssMiB() =>
        File.Exists("/proc/self/status")
            ? long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024
            : -1;
}
