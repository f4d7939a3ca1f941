using System.Diagnostics;
using System.Globalization;
using GanEstimators;
using GanEstimators.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModeCollapseLab;

/// <summary>
/// Modes and high quality against generator steps and CPU seconds for one schedule of the library's tabular defaults
/// (residual networks, WGAN-GP, mode-specific encoding): trains in chunks, resuming exactly, and scores after each.
/// </summary>
public static class QualityCurve
{
    public static void Run(Mixture mixture, int seed, int batchSize, int pacSize, int chunkEpochs, double maxCpuSeconds, double average = 0)
    {
        var ml = new MLContext(seed);
        var data = mixture.Sample(ml, LabRun.TrainingRows, seed);
        var options = new GanTrainer.Options
        {
            FeatureColumnNames = new[] { nameof(Point.X), nameof(Point.Y) },
            BatchSize = batchSize,
            PacSize = pacSize,
            Epochs = chunkEpochs,
            NumberOfThreads = 1,
            GeneratorAverageDecay = average,
        };
        var stepsPerEpoch = Math.Max(1, LabRun.TrainingRows / batchSize);
        var startCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        GanSampler? sampler = null;
        for (var epochs = chunkEpochs; ; epochs += chunkEpochs)
        {
            var next = ml.Gan().Trainer(options).Fit(data, sampler);
            sampler?.Dispose();
            sampler = next;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - startCpu;
            sampler.ModeChoice = GanModeChoice.Drawn; // as the curves in BENCHMARKS.md were measured (LabRun says why)
            sampler.CalibrateNumbers = false;
            var generated = sampler.Sample(LabRun.EvaluationSamples, seed: 1000 + seed);
            var xs = generated.GetColumn<float>(nameof(Point.X)).ToArray();
            var ys = generated.GetColumn<float>(nameof(Point.Y)).ToArray();
            var coverage = ModeCoverage.Evaluate(xs.Select((x, i) => new double[] { x, ys[i] }).ToArray(), mixture.Modes, mixture.Sigma);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{mixture.Name} seed {seed} batch {batchSize} pac {pacSize} average {average}: epoch {epochs} steps {epochs * stepsPerEpoch} cpu {cpu:F0} s: {coverage.ModesCaptured} modes {coverage.HighQualityShare:P1}"));
            if (cpu > maxCpuSeconds) break;
        }
        sampler.Dispose();
    }
}
