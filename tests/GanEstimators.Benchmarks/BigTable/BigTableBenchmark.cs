using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.ML;

namespace GanEstimators.Benchmarks.BigTable;

/// <summary>
/// Issue 19's large-table figures for one table size, in this process (run each size in its own process so the peak
/// RSS is that size's): reading and encoder fitting time (from the trainer's log), seconds per epoch (a real epoch:
/// rows / batch steps), sampled rows/s and the peak resident set (VmHWM). One libtorch thread unless told otherwise.
/// </summary>
internal static partial class BigTableBenchmark
{
    public static void Run(long rows, int epochs, int threads, string? writePath, int? fittingRows, long? maxTrainingRows, double? stopAfterSeconds = null)
    {
        var table = new WideTable(rows, seed: 1);
        var ml = new MLContext(seed: 1);
        if (writePath is not null)
        {
            var clock0 = Stopwatch.StartNew();
            using var stream = File.Create(writePath);
            ml.Data.SaveAsText(table, stream, separatorChar: ',', headerRow: true, schema: false);
            Console.WriteLine($"wrote {rows:N0} rows to {writePath} in {clock0.Elapsed.TotalSeconds:F1} s");
            return;
        }
        var log = new List<string>();
        var epochCpu = new List<double>();
        var cpuMark = double.NaN;
        // --stop-after S: a bounded measurement of a table whose epoch would take too long; training is cancelled S seconds
        // after it starts, which still shows reading, fitting and the peak memory of setting up and training.
        using var stop = new CancellationTokenSource();
        ml.Log += (_, e) =>
        {
            if (!e.Message.Contains("GanTrainer", StringComparison.Ordinal)) return;
            lock (log) log.Add(e.Message);
            if (!e.Message.Contains("GAN with", StringComparison.Ordinal)) return;
            cpuMark = ThreadClock.Seconds(); // the log is raised on the training thread
            if (stopAfterSeconds is { } s) stop.CancelAfter(TimeSpan.FromSeconds(s));
        };
        var epochSeconds = new List<double>();
        var options = Flights.CtganOptions(WideTable.ColumnNames.ToArray(), epochs, seed: 1);
        options.NumberOfThreads = threads;
        options.MaxTrainingRows = maxTrainingRows;
        options.ProgressCallback = m =>
        {
            epochSeconds.Add(m.Seconds);
            var now = ThreadClock.Seconds();
            epochCpu.Add(now - cpuMark);
            cpuMark = now;
        };
        options.CancellationToken = stop.Token;
        if (fittingRows is { } f) options.EncoderFittingRows = f;
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        Console.WriteLine($"big table: {rows:N0} rows, {WideTable.ColumnNames.Count()} columns, {epochs} epoch(s), libtorch threads {threads}, load {load}");
        var clock = Stopwatch.StartNew();
        GanSampler sampler;
        try
        {
            sampler = ml.Gan().Trainer(options).Fit(table);
        }
        catch (OperationCanceledException)
        {
            var (read, fit) = Timings(log);
            var hwm = Status("VmHWM");
            foreach (var line in log.Where(l => l.Contains("rows", StringComparison.Ordinal))) Console.WriteLine("  log: " + line);
            Console.WriteLine($"stopped {stopAfterSeconds} s into training, {clock.Elapsed.TotalSeconds:F1} s after the start: read {read:F1} s, encoders fitted {fit:F1} s, " +
                $"peak RSS {hwm / 1024.0:F0} MB; raw float table {rows * WideTable.ColumnNames.Count() * 4 / 1e6:F0} MB ({hwm / 1024.0 / (rows * WideTable.ColumnNames.Count() * 4 / 1e6):F2}×)");
            return;
        }
        using var trained = sampler;
        var total = clock.Elapsed.TotalSeconds;
        var (readSeconds, fitSeconds) = Timings(log);
        var start = log.FirstOrDefault(m => m.Contains("GAN with", StringComparison.Ordinal)) ?? "";
        var width = EncodedWidth().Match(start) is { Success: true } w ? int.Parse(w.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var rssAfterTraining = Status("VmHWM");
        var perEpoch = epochSeconds.Average();

        var rates = new List<double>();
        var cpuRates = new List<double>();
        TorchSharp.torch.set_num_threads(threads);
        for (var draw = 0; draw < 3; draw++)
        {
            const int sampled = 100_000;
            clock.Restart();
            var cpu = ThreadClock.Seconds();
            Materialise(sampler.Sample(sampled, seed: 2));
            rates.Add(sampled / clock.Elapsed.TotalSeconds);
            cpuRates.Add(sampled / (ThreadClock.Seconds() - cpu));
        }
        Console.WriteLine($"sampling per training-thread CPU second (median of 3): {cpuRates.Order().ElementAt(1):N0} rows/s");
        var peak = Status("VmHWM");
        var rawMb = rows * WideTable.ColumnNames.Count() * 4 / 1e6;
        var encodedMb = rows * (double)width * 4 / 1e6;
        foreach (var line in log.Where(l => l.Contains("rows", StringComparison.Ordinal))) Console.WriteLine("  log: " + line);
        Console.WriteLine($"fit {total:F1} s: read {readSeconds:F1} s, encoders fitted {fitSeconds:F1} s, epochs {string.Join(", ", epochSeconds.Select(s => s.ToString("F1", CultureInfo.InvariantCulture)))} s");
        var cpuPerEpoch = epochCpu.Average();
        Console.WriteLine($"training-thread CPU seconds per epoch {cpuPerEpoch:F2} ({cpuPerEpoch / rows * 1e6:F2} µs per row; includes the per-epoch collapse probe)");
        Console.WriteLine($"seconds per epoch {perEpoch:F2} ({perEpoch / rows * 1e6:F2} µs per row), sampling (median of 3 × 100,000 rows) {rates.Order().ElementAt(1):N0} rows/s");
        Console.WriteLine($"peak RSS {peak / 1024.0:F0} MB (after training {rssAfterTraining / 1024.0:F0} MB); raw float table {rawMb:F0} MB ({peak / 1024.0 / rawMb:F2}×), dense encoded table ({width} wide) {encodedMb:F0} MB ({peak / 1024.0 / encodedMb:F2}×)");
        Console.WriteLine($"| {rows:N0} | {readSeconds:F1} | {fitSeconds:F1} | {perEpoch:F1} (CPU {cpuPerEpoch:F1}) | {cpuPerEpoch / rows * 1e6:F1} | {peak / 1024.0:F0} | {peak / 1024.0 / rawMb:F2} | {rates.Order().ElementAt(1):N0} (CPU {cpuRates.Order().ElementAt(1):N0}) | {load} |");
    }

    private static (double Read, double Fit) Timings(List<string> log)
    {
        foreach (var line in log)
            if (FitTimes().Match(line) is { Success: true } m)
                return (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        return (double.NaN, double.NaN);
    }

    /// <summary>A field of /proc/self/status in kB (VmHWM: the peak resident set).</summary>
    private static long Status(string field) =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).First();

    private static void Materialise(IDataView data)
    {
        using var cursor = data.GetRowCursor(data.Schema);
        var getters = data.Schema.Select(c => MakeReader(cursor, c)).ToArray();
        while (cursor.MoveNext())
            foreach (var get in getters) get();
    }

    private static Action MakeReader(DataViewRow row, DataViewSchema.Column column)
    {
        var type = column.Type.RawType;
        if (type == typeof(float)) { var g = row.GetGetter<float>(column); float v = 0; return () => g(ref v); }
        if (type == typeof(DateTime)) { var g = row.GetGetter<DateTime>(column); DateTime v = default; return () => g(ref v); }
        var text = row.GetGetter<ReadOnlyMemory<char>>(column);
        ReadOnlyMemory<char> t = default;
        return () => text(ref t);
    }

    [GeneratedRegex(@"Read \d+ rows in ([\d.]+) s; fitted the encoders in ([\d.]+) s")]
    private static partial Regex FitTimes();

    [GeneratedRegex(@"rows × (\d+) encoded values")]
    private static partial Regex EncodedWidth();
}
