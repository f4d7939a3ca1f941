using System.Diagnostics;
using GanEstimators.Conditioning;
using GanEstimators.Networks;
using GanEstimators.Sampling;
using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace GanEstimators.Benchmarks;

/// <summary>
/// Sampled rows per second of a trained tabular sampler, read back through an ML.NET cursor (every column of every
/// row), next to a hand loop over the same generator network: noise in, forward pass and output activations
/// (<c>GeneratorNetwork.Sample</c>) on batches of the sampler's own size, nothing decoded and no IDataView. Runs
/// alternate in one process, so the ratio of the two medians is the figure that does not depend on the machine's load.
/// </summary>
internal static class SamplingSpeed
{
    private static int _rows = 100_000;  // per run; set by Run

    public static void Run(GanSampler sampler, int runs = 5, bool stages = false, int rows = 100_000)
    {
        _rows = rows;
        var generator = sampler.Generator;
        // With one libtorch thread every kernel runs on this thread, so its CPU time counts the work and not the waits
        // for a core on a shared machine; with more, only wall-clock rates mean anything.
        var clockOfHash = Stopwatch.StartNew();
        // The first sample sets libtorch's count to the sampler's; the hand loop then runs with the same count.
        var hash = Fingerprint.HashOf(sampler.Sample(_rows, seed: 2));
        var firstPass = clockOfHash.Elapsed.TotalSeconds;
        var cpu = get_num_threads() == 1;
        Console.WriteLine($"sampling: {_rows:N0} rows a run, libtorch threads {get_num_threads()} (sampler's NumberOfThreads {sampler.NumberOfThreads?.ToString() ?? "null, the library's choice"}), " +
                          $"rates per {(cpu ? "CPU second of this thread (wall-clock in brackets)" : "wall-clock second")}, load average {MachineLoad.Average()}");
        Console.WriteLine($"sample hash (seed 2, {_rows:N0} rows): {hash} (first pass, hashing included, {firstPass:F1} s)");
        Materialise(sampler.Sample(1_000, seed: 1));
        HandForward(generator, 2_048);
        var library = new List<Rate>();
        var hand = new List<Rate>();
        var generate = new List<Rate>();
        var chunks = new List<Rate>();
        for (var run = 0; run < runs; run++)
        {
            hand.Add(Rate.Of(() => HandForward(generator, _rows)));
            library.Add(Rate.Of(() => Materialise(sampler.Sample(_rows, seed: 2))));
            var line = $"run {run + 1}: sampled and read {library[^1].Show(cpu)} rows/s, hand generator forward {hand[^1].Show(cpu)} rows/s";
            if (stages)
            {
                generate.Add(Rate.Of(() => GenerateOnly(generator, _rows)));
                chunks.Add(Rate.Of(() => GenerateAndBuildViews(sampler, _rows)));
                line += $", Generate() alone {generate[^1].Show(cpu)}, Generate() + chunk views {chunks[^1].Show(cpu)}";
            }
            Console.WriteLine(line);
        }
        var libraryMedian = Rate.Median(library, cpu);
        var handMedian = Rate.Median(hand, cpu);
        Console.WriteLine($"sampling, median of {runs} runs: {libraryMedian:N0} rows/s; hand generator forward {handMedian:N0} rows/s; ratio {libraryMedian / handMedian:F2}" +
                          $" (wall-clock medians {Rate.Median(library, false):N0} and {Rate.Median(hand, false):N0})");
        if (stages)
            Console.WriteLine($"stages, medians: Generate() alone {Rate.Median(generate, cpu):N0} rows/s, Generate() + chunk views {Rate.Median(chunks, cpu):N0} rows/s");
        Console.WriteLine($"load average at end {MachineLoad.Average()}");
    }

    /// <summary>_rows per wall-clock second and per CPU second of the calling thread.</summary>
    private readonly record struct Rate(double Wall, double Cpu)
    {
        public static Rate Of(Func<int> rows)
        {
            var cpu = ThreadClock.Seconds();
            var clock = Stopwatch.StartNew();
            var done = rows();
            return new Rate(done / clock.Elapsed.TotalSeconds, done / (ThreadClock.Seconds() - cpu));
        }

        public static Rate Of(Action read) => Of(() => { read(); return _rows; });

        public string Show(bool cpu) => cpu ? $"{Cpu:N0} ({Wall:N0})" : $"{Wall:N0}";

        public static double Median(List<Rate> rates, bool cpu) => rates.Select(r => cpu ? r.Cpu : r.Wall).Order().ElementAt(rates.Count / 2);
    }

    /// <summary>The bare network on batches of the sampler's size; conditions drawn once as sampling draws them, noise drawn per batch.</summary>
    private static int HandForward(SyntheticRowGenerator generator, int rows)
    {
        const int batch = SyntheticRowGenerator.ChunkRows;
        var draws = new Random(3);
        var conditionRows = new List<long>();
        var conditionColumns = new List<long>();
        if (generator.Categories.Width > 0 && generator.Condition is null)
            for (var r = 0; r < batch; r++)
            {
                var position = SamplingDraws.Position(generator.Categories, draws);
                if (position < 0) continue;
                conditionRows.Add(r);
                conditionColumns.Add(position);
            }
        else if (generator.Condition is not null || generator.Categories.Width > 0)
            throw new NotSupportedException("The hand loop covers unconditional tables (the categories' conditional vector only).");
        using var conditions = conditionRows.Count == 0 ? null : ActiveConditions.OfOnes(conditionRows.ToArray(), conditionColumns.ToArray(), CPU);
        using var random = new Generator(3);
        var network = generator.Network;
        var done = 0;
        while (done < rows)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var noise = randn(new long[] { batch, generator.NoiseDimension }, generator: random);
            var output = network.Sample(noise, conditions, random).contiguous();
            _ = output.data<float>();
            done += batch;
        }
        return done;
    }

    private static int GenerateOnly(SyntheticRowGenerator generator, int rows)
    {
        using var random = new Generator(2);
        for (var done = 0; done < rows; done += 8 * SyntheticRowGenerator.ChunkRows)
            generator.Generate(Math.Min(8 * SyntheticRowGenerator.ChunkRows, rows - done), GenerationRequest.ForClasses(null), random);
        return rows;
    }

    private static int GenerateAndBuildViews(GanSampler sampler, int rows)
    {
        var view = (SampleDataView)sampler.Sample(rows, seed: 2);
        using var stream = new SampleStream(view.Generator, view.Conditions, view.Seed);
        for (var done = 0; done < rows; done += 8 * SyntheticRowGenerator.ChunkRows)
        {
            var count = Math.Min(8 * SyntheticRowGenerator.ChunkRows, rows - done);
            var (values, classes) = stream.Next(count);
            _ = view.Chunk(values, count, classes);
        }
        return rows;
    }

    /// <summary>Reads every column of every row, so the figure includes decoding into ML.NET values, not just the forward pass.</summary>
    public static void Materialise(IDataView data)
    {
        using var cursor = data.GetRowCursor(data.Schema);
        var getters = data.Schema.Select(c => Getter(cursor, c)).ToArray();
        while (cursor.MoveNext())
            foreach (var get in getters) get();
    }

    private static Action Getter(DataViewRowCursor cursor, DataViewSchema.Column column) => column.Type.RawType switch
    {
        var t when t == typeof(float) => Getter<float>(cursor, column),
        var t when t == typeof(double) => Getter<double>(cursor, column),
        var t when t == typeof(DateTime) => Getter<DateTime>(cursor, column),
        var t when t == typeof(ReadOnlyMemory<char>) => Getter<ReadOnlyMemory<char>>(cursor, column),
        var t when t == typeof(bool) => Getter<bool>(cursor, column),
        var t when t == typeof(int) => Getter<int>(cursor, column),
        var t when t == typeof(long) => Getter<long>(cursor, column),
        var t when t == typeof(uint) => Getter<uint>(cursor, column),
        var t when t == typeof(VBuffer<float>) => Getter<VBuffer<float>>(cursor, column),
        var t => throw new NotSupportedException($"Column '{column.Name}' of {t.Name}."),
    };

    private static Action Getter<T>(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        return () => getter(ref value);
    }

}
