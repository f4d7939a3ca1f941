using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Benchmarks;

/// <summary>
/// Memory soak (issue 17): many training steps in one Fit, then many save → load → sample cycles, with the process's
/// resident set sampled throughout. A leak of native tensors or managed buffers shows as growth after the warm-up.
/// On glibc the cycles also report malloc's bytes in use per cycle: a native leak shows there at once, while the
/// resident set hides it until the allocator's free pages are used up (TorchSharp's nn.Linear leak did, BENCHMARKS.md).
/// </summary>
internal static class Soak
{
    public sealed class Row
    {
        public string Kind { get; set; } = "";
        public string Colour { get; set; } = "";
        public float Size { get; set; }
        public float Weight { get; set; }
        public DateTime Day { get; set; }
    }

    public static void Run(int steps, int cycles, int warmupCycles, int threads)
    {
        if (threads > 0) TorchSharp.torch.set_num_threads(threads);
        Console.WriteLine($"soak: {steps} training steps, {cycles} save/load/sample cycles after {warmupCycles} unmeasured ones; {Environment.ProcessorCount} cores, libtorch threads {TorchSharp.torch.get_num_threads()}, load average {MachineLoad.Average()}");
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Rows(2_000));
        const int batch = 100;
        var epochs = (int)Math.Ceiling(steps / (2_000.0 / batch));
        var residentByEpoch = new List<long>();
        var clock = Stopwatch.StartNew();
        using var sampler = ml.Gan().Trainer(new GanTrainer.Options
        {
            FeatureColumnNames = new[] { nameof(Row.Colour), nameof(Row.Size), nameof(Row.Weight), nameof(Row.Day) },
            ConditionColumnName = nameof(Row.Kind),
            Mlp =
            {
                GeneratorHiddenSizes = new[] { 64, 64 },
                DiscriminatorHiddenSizes = new[] { 64, 64 },
            },
            NoiseDimension = 16,
            BatchSize = batch,
            DiscriminatorSteps = 1,
            Epochs = epochs,
            Seed = 1,
            ProgressCallback = _ => residentByEpoch.Add(Resident()),
        }).Fit(data);
        Report($"training ({epochs} epochs × {2_000 / batch} steps = {epochs * 2_000 / batch} generator steps, {clock.Elapsed.TotalSeconds:F0} s)", residentByEpoch);

        var path = Path.Combine(Path.GetTempPath(), $"soak-{Guid.NewGuid():N}.zip");
        var residentByCycle = new List<long>();
        var mallocByCycle = new List<long>();
        clock.Restart();
        try
        {
            // The first few hundred cycles fill glibc's arenas and the libraries' caches (malloc's bytes in use rise by
            // 5-9 MB, then fall back), which a measure whose warm-up is only the first tenth mistook for growth.
            for (var cycle = -warmupCycles; cycle < cycles; cycle++)
            {
                ml.Model.Save(sampler, data.Schema, path);
                using (var loaded = (GanSampler)new MLContext(cycle).Model.Load(path, out _))
                {
                    var sizes = loaded.Sample(1_000, seed: cycle).GetColumn<float>(nameof(Row.Size)).ToArray();
                    if (sizes.Length != 1_000 || sizes.Any(v => !float.IsFinite(v))) throw new InvalidOperationException($"cycle {cycle}: bad sample");
                }
                if (cycle == -1) Console.WriteLine($"after {warmupCycles} warm-up cycles ({clock.Elapsed.TotalSeconds:F0} s): RSS {Mb(Resident())} MB");
                if (cycle < 0) continue;
                residentByCycle.Add(Resident());
                if (MallocInUse() is { } inUse) mallocByCycle.Add(inUse);
            }
        }
        finally
        {
            File.Delete(path);
        }
        Report($"save/load/sample(1,000) ({cycles} cycles, {clock.Elapsed.TotalSeconds:F0} s)", residentByCycle);
        if (mallocByCycle.Count >= 10)
        {
            // Over the second half: the first cycles allocate and later free a few MB of caches.
            var half = mallocByCycle.Count / 2;
            var perCycle = (double)(mallocByCycle[^1] - mallocByCycle[half - 1]) / (mallocByCycle.Count - half);
            Console.WriteLine($"  malloc bytes in use (glibc mallinfo2), second half: {perCycle:F0} bytes a cycle; MB every tenth: " +
                string.Join(" ", Enumerable.Range(1, 10).Select(k => (mallocByCycle[k * mallocByCycle.Count / 10 - 1] / 1048576.0).ToString("F1"))));
        }
        Console.WriteLine($"load average at end {MachineLoad.Average()}");
    }

    /// <summary>Growth of the last tenth's peak over the resident set at the end of the first tenth (the warm-up).</summary>
    private static void Report(string what, IReadOnlyList<long> resident)
    {
        var tenth = Math.Max(1, resident.Count / 10);
        var afterWarmup = resident[tenth - 1];
        var lastPeak = resident.Skip(resident.Count - tenth).Max();
        var growth = (double)(lastPeak - afterWarmup) / afterWarmup;
        Console.WriteLine($"{what}: RSS after warm-up {Mb(afterWarmup)} MB, peak of the last tenth {Mb(lastPeak)} MB, overall max {Mb(resident.Max())} MB; growth {growth:P1} (target < 5 %)");
        var step = Math.Max(1, resident.Count / 10);
        Console.WriteLine("  RSS (MB) every tenth: " + string.Join(" ", Enumerable.Range(0, resident.Count).Where(i => i % step == step - 1).Select(i => Mb(resident[i]))));
    }

    private static long Resident()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    // glibc's bytes allocated and not freed (small chunks plus mmapped ones); null where there is no glibc.
    private static long? MallocInUse()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            var info = mallinfo2();
            return (long)(info.uordblks + info.hblkhd);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc")]
    private static extern MallInfo2 mallinfo2();

    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F0");


    private static IEnumerable<Row> Rows(int count)
    {
        var random = new Random(3);
        var kinds = new[] { "a", "b", "c" };
        var colours = new[] { "red", "green", "blue", "grey" };
        for (var i = 0; i < count; i++)
        {
            var kind = random.Next(3);
            yield return new Row
            {
                Kind = kinds[kind],
                Colour = colours[(kind + random.Next(2)) % 4],
                Size = (float)(kind * 2 + random.NextDouble()),
                Weight = random.Next(10) < 3 ? 0f : (float)(random.NextDouble() * 5),
                Day = new DateTime(2020, 1, 1).AddDays(random.Next(730)),
            };
        }
    }
}
