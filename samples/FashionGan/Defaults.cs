using System.Diagnostics;
using System.Globalization;
using GanEstimators;

namespace FashionGan;

/// <summary>The sample's GAN settings, chosen so that the default run (the subset) finishes in under 10 minutes on 2 CPU cores.</summary>
/// <remarks>
/// Timing: 371 s of training for 18 epochs with <c>nice -n 19</c> beside a CI run (load 4.4-5.5), 153-163 s on an idle
/// machine; 1 libtorch thread. Quality (seeds 1-3, samples/FashionGan/README.md): 76.6 % conditional accuracy, domain
/// Fréchet distance 121 against a floor of 3.4. The wider, averaged settings of the full-set GPU run
/// (<c>--base-channels 64 --batch-size 128 --average 0.999</c>) are not the default because a base-64 network costs
/// about 2.3 times as much per epoch on the CPU (measured at batch 64 on the subset).
/// </remarks>
internal static class Defaults
{
    public const int Epochs = 18;
    public const GanLoss Loss = GanLoss.Hinge;
    public const bool SpectralNormalization = true;
    public const int BaseChannels = 32;
    public const int DiscriminatorDepth = 1;
    public const int GeneratorDepth = 1;
    public const int BatchSize = 64;
    public const double LearningRate = 2e-4;
    public const double Beta1 = 0.5;
    public const int CriticSteps = 1;
    public const double AverageDecay = 0;

    /// <param name="scheduleEnds">The epoch the whole command's training ends with (counted across resumed runs), where the learning-rate schedule ends.</param>
    public static GanTrainer.Options TrainerOptions(RunOptions run, int epochs, int scheduleEnds, Stopwatch clock) => new()
    {
        FeatureColumnNames = new[] { GanEstimators.Loading.IdxImages.FeaturesColumnName },
        ConditionColumnName = GanEstimators.Loading.IdxImages.LabelColumnName,
        Architecture = GanArchitecture.Dcgan,
        Loss = run.Loss,
        Image =
        {
            SpectralNormalization = run.SpectralNormalization && run.Loss is not GanLoss.Wasserstein,
            BaseChannels = run.BaseChannels,
            DiscriminatorDepth = run.DiscriminatorDepth,
            GeneratorDepth = run.GeneratorDepth,
        },
        BatchSize = run.BatchSize,
        LearningRate = LearningRateOf(run),
        DiscriminatorLearningRate = run.DiscriminatorLearningRate,
        Beta1 = run.Beta1,
        DiscriminatorSteps = run.CriticSteps,
        GeneratorAverageDecay = run.AverageDecay,
        Epochs = epochs,
        LearningRateSchedule = run.LearningRateSchedule,
        LearningRateDecayEpochs = DecayEpochsOf(run, scheduleEnds),
        // The command trains in chunks that resume each other; the schedule spans the whole command, not the chunk.
        LearningRateScheduleEpochs = run.LearningRateSchedule == GanLearningRateSchedule.Constant ? null : scheduleEnds,
        Seed = run.Seed,
        ProgressCallback = m => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  epoch {m.Epoch,3}  D loss {m.DiscriminatorLoss,8:F4}  G loss {m.GeneratorLoss,8:F4}  D(real) {m.MeanRealScore,7:F3}  D(fake) {m.MeanFakeScore,7:F3}  " +
            $"collapse ratio {m.CollapseRatio,5:F2}  lr G {m.GeneratorLearningRate:G3} D {m.DiscriminatorLearningRate:G3}  ({m.Seconds:F0} s; {clock.Elapsed.TotalSeconds:F0} s in all)")),
    };

    /// <summary>
    /// The epochs the rates decay over: as given, or the recipe's last half of the schedule (which ends at
    /// <paramref name="scheduleEnds"/>, so a resumed part decays as the whole run would); null for the whole run (or no schedule).
    /// </summary>
    private static int? DecayEpochsOf(RunOptions run, int scheduleEnds) =>
        run.LearningRateSchedule == GanLearningRateSchedule.Constant ? null : run.LearningRateDecayEpochs ?? (run.DecayOverLastHalf ? Math.Max(1, scheduleEnds / 2) : null);

    /// <summary>The rate given, else the default for a new run; null keeps a resumed model's own rates.</summary>
    private static double? LearningRateOf(RunOptions run) => run.LearningRate ?? (run.ResumeFrom is null ? LearningRate : null);

    /// <summary>The settings line printed first and at the top of metrics.txt.</summary>
    public static string Describe(RunOptions run, string epochs) => string.Create(CultureInfo.InvariantCulture,
        $"Conditional DCGAN ({run.Loss}{(run.SpectralNormalization && run.Loss is not GanLoss.Wasserstein ? " + spectral normalisation" : "")}, base channels {run.BaseChannels}{(run.GeneratorDepth > 1 ? $", generator depth {run.GeneratorDepth}" : "")}{(run.DiscriminatorDepth > 1 ? $", discriminator depth {run.DiscriminatorDepth}" : "")}, " +
        $"batch {run.BatchSize}, Adam lr {LearningRateOf(run)?.ToString(CultureInfo.InvariantCulture) ?? "as resumed"}{(run.DiscriminatorLearningRate is { } d ? $" (D {d})" : "")} beta1 {run.Beta1}, {run.CriticSteps} D step(s) per G step, " +
        $"{(run.AverageDecay > 0 ? $"generator average {run.AverageDecay}" : "no generator average")}, {epochs}, seed {run.Seed}" +
        $"{(run.LearningRateSchedule == GanLearningRateSchedule.Constant ? "" : $", {run.LearningRateSchedule.ToString().ToLowerInvariant()} learning-rate decay over the last {(run.DecayOverLastHalf ? "half of the" : run.LearningRateDecayEpochs?.ToString(CultureInfo.InvariantCulture) ?? "all")} epochs")}" +
        $"{(run.Recipe is null ? "" : $", --recipe {run.Recipe}")})");
}
