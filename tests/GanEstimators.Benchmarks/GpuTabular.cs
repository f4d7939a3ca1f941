using System.Diagnostics;
using GanEstimators.Conditioning;
using GanEstimators.Networks;
using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace GanEstimators.Benchmarks;

/// <summary>
/// Issue 19's tabular GPU figures on flights-20k with CTGAN's settings (as --tabular-speed: WGAN-GP, batch 500, PacGAN
/// 10, one critic step, 256-256, noise 128): seconds per epoch with device draws (the CUDA default) and host draws,
/// against CTGAN's 9.8 s on 2 CPU cores; then sampling, separately: rows/s of the generator and its output heads into
/// tensors on the device (noise and category draws there; the conditions drawn once on the host and reused), the same
/// copied to host memory, and rows/s through GanSampler.Sample's IDataView read by a cursor (every column of every row).
/// </summary>
internal static class GpuTabular
{
    public static void Run(string dataDirectory, string device, int epochs, int chunkRows, string? outFile)
    {
        var onCuda = device.StartsWith("cuda", StringComparison.OrdinalIgnoreCase);
        var ml = new MLContext(seed: 0) { GpuDeviceId = onCuda ? 0 : null, FallbackToCpu = false };
        var data = Flights.LoadTrain(ml, dataDirectory);
        var report = new List<string>();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.Add(line);
        }
        Say($"flights-20k on {device}: {Environment.ProcessorCount} cores, libtorch threads {get_num_threads()}, {epochs} epochs, load average {MachineLoad.Average()}");
        GanSampler? sampler = null;
        foreach (var draws in onCuda ? new[] { RandomDraws.Auto, RandomDraws.Host } : new[] { RandomDraws.Auto })
        {
            var seconds = new List<double>();
            var clock = Stopwatch.StartNew();
            var trained = ml.Gan().Trainer(Options(epochs, draws, seconds)).Fit(data);
            var total = clock.Elapsed.TotalSeconds;
            var perEpoch = seconds.Skip(1).DefaultIfEmpty(seconds[0]).Average();
            Say($"{(draws == RandomDraws.Auto ? onCuda ? "device draws (default)" : "host draws (default)" : "host draws (before device draws)")}: " +
                $"{perEpoch:F3} s/epoch (mean after the first; epochs {string.Join(", ", seconds.Select(s => s.ToString("F3")))}), fit {total:F1} s, " +
                $"{9.8 / perEpoch:F1}× CTGAN's 9.8 s/epoch (target 20×: ≤ 0.49 s)");
            if (sampler is null) sampler = trained;
            else trained.Dispose();
        }
        using (sampler)
        {
            var (onDevice, toHost) = IntoTensors(sampler!, chunkRows, repeats: 20);
            Say($"sampling into tensors on {device}, {chunkRows:N0}-row chunks: {onDevice:N0} rows/s on the device; {toHost:N0} rows/s copied to host memory (target ≥ 5,000,000 rows/s)");
            Materialise(sampler!.Sample(10_000, seed: 1));
            var rates = new List<double>();
            for (var draw = 0; draw < 3; draw++)
            {
                const int rows = 200_000;
                var clock = Stopwatch.StartNew();
                Materialise(sampler.Sample(rows, seed: 2));
                rates.Add(rows / clock.Elapsed.TotalSeconds);
            }
            Say($"sampling through the IDataView (Sample + cursor over every column), 200,000 rows: median {rates.Order().ElementAt(1):N0} rows/s ({string.Join(", ", rates.Select(r => r.ToString("N0")))})");
        }
        if (outFile is not null) File.WriteAllLines(outFile, report);
    }

    private static GanTrainer.Options Options(int epochs, RandomDraws draws, List<double> seconds)
    {
        var options = Flights.CtganOptions(Flights.Columns, epochs, seed: 1);
        options.Mlp.GeneratorHiddenSizes = new[] { 256, 256 };
        options.Mlp.DiscriminatorHiddenSizes = new[] { 256, 256 };
        options.Draws = draws;
        options.ProgressCallback = m => seconds.Add(m.Seconds);
        return options;
    }

    /// <summary>Rows per second of the generator's forward pass and sampling heads into a device tensor, and with the copy to the host.</summary>
    private static (double OnDevice, double ToHost) IntoTensors(GanSampler sampler, int chunkRows, int repeats)
    {
        var generator = sampler.Generator;
        var device = generator.Device;
        using var random = new TrainingRandom(3, device, RandomDraws.Device);
        random.ReseedDeviceStream();
        var host = new Random(4);
        var rows = new List<long>();
        var columns = new List<long>();
        for (var r = 0; r < chunkRows; r++)
        {
            var position = SamplingDraws.Position(generator.Categories, host);
            if (position < 0) continue;
            rows.Add(r);
            columns.Add(position);
        }
        using var conditions = generator.Categories.Width == 0 ? null : ActiveConditions.OfOnes(rows.ToArray(), columns.ToArray(), device);
        double Rate(bool copy)
        {
            for (var pass = 0; pass < 2; pass++)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < (pass == 0 ? 3 : repeats); i++)
                {
                    using var scope = NewDisposeScope();
                    using var noGrad = no_grad();
                    var noise = TorchRandom.Normal(new long[] { chunkRows, generator.NoiseDimension }, device, random);
                    var encoded = generator.Network.Sample(noise, conditions, random);
                    if (copy) encoded.cpu();
                }
                if (device.type == TorchSharp.DeviceType.CUDA) cuda.synchronize(device);
                if (pass == 1) return (double)chunkRows * repeats / clock.Elapsed.TotalSeconds;
            }
            throw new InvalidOperationException();
        }
        return (Rate(copy: false), Rate(copy: true));
    }

    private static void Materialise(IDataView data)
    {
        using var cursor = data.GetRowCursor(data.Schema);
        var getters = new Action[]
        {
            Getter<DateTime>(cursor, "date"), Getter<float>(cursor, "delay"), Getter<float>(cursor, "distance"),
            Getter<ReadOnlyMemory<char>>(cursor, "origin"), Getter<ReadOnlyMemory<char>>(cursor, "destination"),
        };
        while (cursor.MoveNext())
            foreach (var get in getters) get();
    }

    private static Action Getter<T>(DataViewRowCursor cursor, string name)
    {
        var getter = cursor.GetGetter<T>(cursor.Schema[name]);
        T value = default!;
        return () => getter(ref value);
    }
}
