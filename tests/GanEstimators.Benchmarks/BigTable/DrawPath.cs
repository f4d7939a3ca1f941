using System.Diagnostics;
using GanEstimators.Conditioning;
using GanEstimators.Encoding;
using GanEstimators.Training;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace GanEstimators.Benchmarks.BigTable;

/// <summary>
/// The part of a training step whose cost could grow with the table: drawing a batch (training-by-sampling over the
/// categorical columns, then gathering the rows from the encoded table). The networks' part of a step depends only on
/// the batch's shape. Builds the trainer's own table and draws batches of 500 as training does, timing them in
/// training-thread CPU seconds (one libtorch thread), so a 10-million-row table is priced without a 20,000-step epoch.
/// </summary>
internal static class DrawPath
{
    public static void Run(long rows, int draws)
    {
        set_num_threads(1);
        var ml = new MLContext(seed: 1);
        var table = new WideTable(rows, seed: 1);
        var options = new GanTrainer.Options { FeatureColumnNames = WideTable.ColumnNames.ToArray(), Seed = 1, BatchSize = 500 };
        var host = ((IHostEnvironment)ml).Register("DrawPath");
        using var channel = host.Start("draw path");
        var clock = Stopwatch.StartNew();
        var plan = GanTrainingPlan.Resolve(table.Schema, options, null, () => 1);
        var encoder = ColumnEncoderFactory.Create(plan.Features, options, plan.Network.Architecture);
        var cpu = ThreadClock.Seconds();
        var read = TrainingTableReader.Read(table, plan.Features, encoder, plan.ConditionColumn);
        var readCpu = ThreadClock.Seconds() - cpu;
        cpu = ThreadClock.Seconds();
        encoder.Fit(read, plan.Seed, options.EncoderFittingRows);
        var fitCpu = ThreadClock.Seconds() - cpu;
        cpu = ThreadClock.Seconds();
        var encoded = EncodedRows.Encode(encoder, read, plan.Seed, null, 0);
        var encodeCpu = ThreadClock.Seconds() - cpu;
        cpu = ThreadClock.Seconds();
        var categories = TrainingBySampling.Build(encoder, encoded, balanceClasses: true);
        using var batches = new TrainingBatches(encoded, categories, CPU);
        var samplingCpu = ThreadClock.Seconds() - cpu;
        var setup = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{rows:N0} rows: CPU seconds: read {readCpu:F1}, fit encoders {fitCpu:F1}, encode {encodeCpu:F1}, training-by-sampling and batches {samplingCpu:F1} (wall {setup:F1} s in all); peak RSS so far {Status() / 1024.0:F0} MB");
        using var random = new Generator(1);
        // The two parts apart: training-by-sampling's draw (C#), then gathering rows from the table (libtorch).
        var vector = new float[500 * categories.Vector.Width];
        var drawRandom = new Random(1);
        var mark = ThreadClock.Seconds();
        var rss = Status("VmRSS");
        for (var i = 0; i < 200; i++) { Array.Clear(vector); categories.Draw(500, vector, drawRandom); }
        Console.WriteLine($"training-by-sampling alone: {(ThreadClock.Seconds() - mark) / 200 * 1e3:F3} ms CPU per draw, resident {rss / 1024.0:F0} → {Status("VmRSS") / 1024.0:F0} MB");
        using (var onDevice = encoded.ToDevice(CPU))
        {
            mark = ThreadClock.Seconds();
            rss = Status("VmRSS");
            for (var i = 0; i < 200; i++)
            {
                using var scope = NewDisposeScope();
                var index = randint(0, encoded.Count, new long[] { 500 }, dtype: int64);
                _ = onDevice.Gather(index).sum().item<float>();
            }
            Console.WriteLine($"gather alone: {(ThreadClock.Seconds() - mark) / 200 * 1e3:F3} ms CPU per draw, resident {rss / 1024.0:F0} → {Status("VmRSS") / 1024.0:F0} MB");
        }
        var before = Status("VmRSS");
        Draw(batches, random);
        var afterOne = Status("VmRSS");
        for (var i = 0; i < 19; i++) Draw(batches, random);
        Console.WriteLine($"resident: {before / 1024.0:F0} MB before drawing, {afterOne / 1024.0:F0} MB after one draw, {Status("VmRSS") / 1024.0:F0} MB after 20");
        cpu = ThreadClock.Seconds();
        clock.Restart();
        for (var i = 0; i < draws; i++) Draw(batches, random);
        var cpuPerDraw = (ThreadClock.Seconds() - cpu) / draws;
        Console.WriteLine($"resident after {draws} more draws: {Status("VmRSS") / 1024.0:F0} MB");
        var wallPerDraw = clock.Elapsed.TotalSeconds / draws;
        Console.WriteLine($"draw path, {rows:N0} rows × {encoded.Width} encoded ({(encoded.IsCompact ? "compact" : "dense")}): " +
            $"{draws} draws of 500 rows: {cpuPerDraw * 1e3:F3} ms CPU per draw ({wallPerDraw * 1e3:F3} ms wall), load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    }

    private static long Status(string field = "VmHWM") =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture)).First();

    private static void Draw(TrainingBatches batches, Generator random)
    {
        using var scope = NewDisposeScope();
        var batch = batches.Draw(500, random);
        _ = batch.Real.sum().item<float>();
    }
}
