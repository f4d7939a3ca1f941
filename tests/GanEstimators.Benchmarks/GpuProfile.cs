using System.Diagnostics;
using System.Globalization;
using GanEstimators.Loading;
using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace GanEstimators.Benchmarks;

/// <summary>
/// Issue 19's GPU profile, TorchSharp side: FashionGan's default conditional DCGAN step (base 32, Hinge + spectral
/// norm, Adam 2e-4 / 0.5 / 0.9, one D step) timed at each batch size as (a) GanTrainer through its public API, with
/// device draws (the CUDA default) and with host draws (the library before them), and (b) a minimal hand-written
/// TorchSharp loop, bare, with the trainer's bookkeeping, and with host draws; then where a hand-loop step's time
/// goes, each part timed between device synchronisations. tools/gpu/dcgan_step.py times (c), PyTorch eager, alike.
/// Prints markdown tables; every line of results also goes to the --out file when given.
/// </summary>
internal static class GpuProfile
{
    public static void Run(string device, int[] batches, int stepsPerEpoch, string fashionFolder, int baseChannels, string? outFile)
    {
        var onCuda = device.StartsWith("cuda", StringComparison.OrdinalIgnoreCase);
        if (onCuda && !cuda.is_available()) throw new InvalidOperationException("--device cuda: CUDA is not available to TorchSharp here.");
        var torchDevice = onCuda ? new Device(TorchSharp.DeviceType.CUDA, 0) : CPU;
        var ml = new MLContext(1) { GpuDeviceId = onCuda ? 0 : null, FallbackToCpu = false };
        var clock = Stopwatch.StartNew();
        var images = IdxImages.Load(ml, Path.Combine(fashionFolder, "train-images-idx3-ubyte.gz"), Path.Combine(fashionFolder, "train-labels-idx1-ubyte.gz"));
        var pixels = images.GetColumn<float[]>(IdxImages.FeaturesColumnName).ToArray();
        var labels = images.GetColumn<string>(IdxImages.LabelColumnName).Select(l => long.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        images = ml.Data.Cache(images);
        using var scaled = tensor(pixels.SelectMany(p => p).Select(v => v / 127.5f - 1).ToArray(), new long[] { pixels.Length, 784 });
        var report = new List<string>();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.Add(line);
        }
        Say($"GPU profile: {device}, libtorch threads {get_num_threads()}, {pixels.Length:N0} images from {fashionFolder} (read in {clock.Elapsed.TotalSeconds:F1} s), " +
            $"base {baseChannels}, {stepsPerEpoch} steps an epoch, load average {MachineLoad.Average()}");

        var defaultDraws = onCuda ? "device draws (default)" : "host draws (default)";
        var otherDraws = onCuda ? "host draws (before device draws)" : "device draws (forced)";
        var rows = new List<string[]>();
        var sectionRows = new List<string[]>();
        foreach (var batch in batches)
        {
            var trainingRows = Math.Min(pixels.Length, batch * stepsPerEpoch);
            var steps = trainingRows / batch;
            string Trainer(RandomDraws draws)
            {
                try
                {
                    var (median, min, setup) = TrainerMilliseconds(ml, images, trainingRows, batch, draws, baseChannels, epochs: 3);
                    return $"{median:F2} ({min:F2}; setup {setup:F1} s)";
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    return $"failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}";
                }
            }
            rows.Add(new[] { $"{batch}", $"trainer, {defaultDraws}", Trainer(RandomDraws.Auto) });
            Console.WriteLine($"  batch {batch}: {rows[^1][1]} {rows[^1][2]} ms/step");
            rows.Add(new[] { $"{batch}", $"trainer, {otherDraws}", Trainer(onCuda ? RandomDraws.Host : RandomDraws.Device) });
            Console.WriteLine($"  batch {batch}: {rows[^1][1]} {rows[^1][2]} ms/step");
            using var hand = new DcganHandLoop(torchDevice, scaled, labels, 10, batch, baseChannels);
            foreach (var (name, extras) in new[] { ("hand loop, device draws", DcganExtras.None), ("hand loop + trainer's bookkeeping", DcganExtras.Bookkeeping), ("hand loop, host draws", DcganExtras.HostDraws) })
            {
                var runs = Enumerable.Range(0, 3).Select(_ => hand.MillisecondsPerStep(steps, warmup: 10, extras)).ToArray();
                rows.Add(new[] { $"{batch}", name, $"{runs.Order().ElementAt(1):F2} ({runs.Min():F2})" });
                Console.WriteLine($"  batch {batch}: {name} {rows[^1][2]} ms/step");
            }
            var sections = hand.Sections(Math.Min(steps, 50), warmup: 5, DcganExtras.Bookkeeping);
            sectionRows.Add(new[] { $"{batch}" }.Concat(sections.Select(s => s.ToString("F3", CultureInfo.InvariantCulture))).Append(sections.Sum().ToString("F2", CultureInfo.InvariantCulture)).ToArray());
        }
        Say("");
        Say("| batch | variant | ms/step: median (min) |");
        Say("|---:|---|---:|");
        foreach (var row in rows) Say($"| {string.Join(" | ", row)} |");
        Say("");
        Say($"Hand loop + bookkeeping, each part between {(onCuda ? "CUDA synchronisations" : "marks (CPU: no synchronisation needed)")}, mean ms per step:");
        Say("| batch | " + string.Join(" | ", DcganHandLoop.SectionNames) + " | sum |");
        Say("|" + string.Concat(Enumerable.Repeat("---:|", DcganHandLoop.SectionNames.Length + 2)));
        foreach (var row in sectionRows) Say($"| {string.Join(" | ", row)} |");
        Say($"load average at end {MachineLoad.Average()}");
        if (outFile is not null) File.WriteAllLines(outFile, report);
    }

    /// <summary>The trainer's ms per step: each epoch's own clock (History.Seconds) over its steps; the median and min after the first epoch, and the seconds outside the epochs.</summary>
    private static (double Median, double Min, double SetupSeconds) TrainerMilliseconds(MLContext ml, IDataView images, int rows, int batch, RandomDraws draws, int baseChannels, int epochs)
    {
        var seconds = new List<double>();
        var options = FashionGanDefaults(batch, baseChannels, epochs);
        options.Draws = draws;
        options.ProgressCallback = m => seconds.Add(m.Seconds);
        var clock = Stopwatch.StartNew();
        using var sampler = ml.Gan().Trainer(options).Fit(ml.Data.TakeRows(images, rows));
        var steps = rows / batch;
        var perStep = seconds.Skip(1).Select(s => s * 1000 / steps).Order().ToArray();
        return (perStep[perStep.Length / 2], perStep[0], clock.Elapsed.TotalSeconds - seconds.Sum());
    }

    /// <summary>samples/FashionGan's Defaults.TrainerOptions for a new run.</summary>
    public static GanTrainer.Options FashionGanDefaults(int batch, int baseChannels, int epochs) => new()
    {
        FeatureColumnNames = new[] { IdxImages.FeaturesColumnName },
        ConditionColumnName = IdxImages.LabelColumnName,
        Architecture = GanArchitecture.Dcgan,
        Loss = GanLoss.Hinge,
        Image = { SpectralNormalization = true, BaseChannels = baseChannels, DiscriminatorDepth = 1, GeneratorDepth = 1 },
        BatchSize = batch,
        LearningRate = 2e-4,
        Beta1 = 0.5,
        DiscriminatorSteps = 1,
        GeneratorAverageDecay = 0,
        Epochs = epochs,
        Seed = 1,
    };

}
