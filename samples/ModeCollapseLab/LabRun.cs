using System.Diagnostics;
using GanEstimators;
using GanEstimators.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModeCollapseLab;

/// <summary>One configuration of the lab: a mixture, a loss, a packing degree, how coordinates are encoded, how long it trains.</summary>
public sealed record LabConfig(Mixture Mixture, GanLoss Loss, int PacSize, GanNumericEncoding Encoding, int Epochs, int? CriticSteps = null)
{
    public const int DefaultEpochs = 120;

    public string EncodingName => Encoding == GanNumericEncoding.Standardization ? "raw" : "modes";

    public string Name => $"{Mixture.Name}-{Loss}-pac{PacSize}" + (EncodingName == "raw" ? "" : $"-{EncodingName}") +
                          (Epochs == DefaultEpochs ? "" : $"-e{Epochs}") + (CriticSteps is { } d ? $"-d{d}" : "");
}

/// <summary>What one seed of one configuration reached.</summary>
public sealed record LabResult(LabConfig Config, int Seed, ModeCoverageReport Coverage, double Seconds, IReadOnlyList<GanDiagnosis> Diagnoses, double[][] Samples,
    double GeneratorGradientNorm, double DiscriminatorAccuracy);

public static class LabRun
{
    public const int TrainingRows = 2500;
    public const int EvaluationSamples = 2500;
    public const int LastEpochs = 10;

    public static LabResult Train(LabConfig config, int seed)
    {
        var ml = new MLContext(seed);
        var data = config.Mixture.Sample(ml, TrainingRows, seed);
        var clock = Stopwatch.StartNew();
        var sampler = ml.Gan().Trainer(new GanTrainer.Options
        {
            FeatureColumnNames = new[] { nameof(Point.X), nameof(Point.Y) },
            Loss = config.Loss,
            PacSize = config.PacSize,
            Epochs = config.Epochs,
            DiscriminatorSteps = config.CriticSteps,
            NumericEncoding = config.Encoding,
            Architecture = GanArchitecture.Mlp,
            BatchSize = 100,
            NoiseDimension = 8,
            Mlp =
            {
                GeneratorHiddenSizes = new[] { 128, 128, 128 },
                DiscriminatorHiddenSizes = new[] { 128, 128 },
            },
            KeepTrainingState = false,
        }).Fit(data);
        var seconds = clock.Elapsed.TotalSeconds;

        // The lab compares training objectives, so every run samples its modes the same way: drawn, as all its
        // published figures were, and uncalibrated (the library's defaults may take the most likely modes and map numbers;
        // see GanSampler.ModeChoice and CalibrateNumbers).
        sampler.ModeChoice = GanModeChoice.Drawn;
        sampler.CalibrateNumbers = false;
        var generated = sampler.Sample(EvaluationSamples, seed: 1000 + seed);
        var xs = generated.GetColumn<float>(nameof(Point.X)).ToArray();
        var ys = generated.GetColumn<float>(nameof(Point.Y)).ToArray();
        var samples = xs.Select((x, i) => new double[] { x, ys[i] }).ToArray();
        sampler.Dispose();
        // The training signals behind the failure modes, averaged over the last epochs: is the generator still taught, does D win?
        var last = sampler.History.Epochs.TakeLast(LastEpochs).ToArray();
        return new LabResult(config, seed, ModeCoverage.Evaluate(samples, config.Mixture.Modes, config.Mixture.Sigma), seconds, sampler.History.Diagnoses, samples,
            last.Average(e => e.GeneratorGradientNorm), last.Average(e => e.DiscriminatorAccuracy));
    }
}
