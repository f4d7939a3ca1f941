using System.Diagnostics;
using GanEstimators;
using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace GanEstimators.Benchmarks;

/// <summary>
/// Issue 3's speed target on the flights-20k train split (16,000 rows; 220 + 223 airports): seconds per epoch with
/// CTGAN's settings (batch 500, PacGAN 10, one critic step, 256-256 networks, noise 128) and sampled rows per second,
/// next to CTGAN 0.5.0's 9.8 s per epoch (after 10 s of preprocessing) and 17,000 rows/s on this machine.
/// </summary>
internal static class TabularSpeed
{
    public static void Run(string dataDirectory, int epochs, int threads, int hidden = 256, bool stages = false, string? saveModel = null)
    {
        var ml = new MLContext(seed: 0);
        var data = Flights.LoadTrain(ml, dataDirectory);
        var epochSeconds = new List<double>();
        var options = Flights.CtganOptions(Flights.Columns, epochs, seed: 1);
        options.Mlp.GeneratorHiddenSizes = new[] { hidden, hidden };
        options.Mlp.DiscriminatorHiddenSizes = new[] { hidden, hidden };
        options.NumberOfThreads = threads > 0 ? threads : null;
        options.ProgressCallback = m => epochSeconds.Add(m.Seconds);
        Console.WriteLine($"flights-20k: {Environment.ProcessorCount} cores, libtorch threads {(threads > 0 ? threads : $"the library's choice, {Math.Max(1, Environment.ProcessorCount - 1)}")}, {epochs} epochs");
        var clock = Stopwatch.StartNew();
        using var sampler = ml.Gan().Trainer(options).Fit(data);
        var total = clock.Elapsed.TotalSeconds;
        var perEpoch = epochSeconds.Skip(1).DefaultIfEmpty(epochSeconds[0]).Average();
        Console.WriteLine($"fit {total:F1} s: preprocessing and setup {total - epochSeconds.Sum():F1} s, epochs {string.Join(", ", epochSeconds.Select(s => s.ToString("F2")))} s");
        Console.WriteLine($"seconds per epoch (mean after the first): {perEpoch:F2} (CTGAN 0.5.0: 9.8, so {9.8 / perEpoch:F1}× faster)");

        if (saveModel is not null) ml.Model.Save(sampler, data.Schema, saveModel);
        sampler.NumberOfThreads = options.NumberOfThreads;
        SamplingSpeed.Run(sampler, stages: stages);
    }
}
