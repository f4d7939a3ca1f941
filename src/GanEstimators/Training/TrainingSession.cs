using GanEstimators.Diagnostics;
using GanEstimators.Networks;
using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>
/// Runs epochs of the adversarial loop and watches them: records history, asks the doctor for diagnoses, applies the
/// NaN policy, evaluates held-out quality for early stopping, and leaves the selected generator in place. Quality is
/// measured on the generator the sampler will get (the average, when there is one).
/// </summary>
internal sealed class TrainingSession
{
    public required AdversarialTrainingLoop Loop { get; init; }
    public required TrainingBatches Batches { get; init; }
    public required TrainingRandom Random { get; init; }
    public required IHost Host { get; init; }
    public required IChannel Channel { get; init; }
    public required GanTrainer.Options Options { get; init; }
    public required GanTrainingHistory History { get; init; }
    public required OptimizerSettings BaseRates { get; init; }
    public required LearningRateSchedule Schedule { get; init; }
    public required TrainingDoctor Doctor { get; init; }
    public CollapseProbe? Probe { get; init; }
    public HeldOutQualityMonitor? Monitor { get; init; }

    public void Run()
    {
        var sampled = Loop.SampledGenerator;
        var firstEpoch = History.LastEpoch + 1;
        var lastEpoch = firstEpoch + Options.Epochs - 1;
        var restoreOnNonFinite = Options.NonFinitePolicy == GanNonFinitePolicy.RestoreLastGood;
        using var lastGood = restoreOnNonFinite ? new LastGoodState(Loop, Random, wholeState: Options.KeepTrainingState) : null;
        ModuleSnapshot? bestGenerator = null;
        var best = double.PositiveInfinity;
        int bestEpoch = 0, evaluationsSinceBest = 0;
        // A resumed history keeps its selected epoch until an epoch trains: its generator may be an earlier epoch's
        // (early stopping) and stays so when no epoch trains or the first one is undone.
        History.StoppedEarly = false;
        using var meter = new EpochMeter(Loop.Loss, Loop.Device);
        try
        {
            for (var epoch = firstEpoch; epoch <= lastEpoch; epoch++)
            {
                Random.ReseedDeviceStream();
                var rates = Schedule.Apply(epoch, BaseRates, Loop.GeneratorOptimizer, Loop.DiscriminatorOptimizer);
                var metrics = Loop.RunEpoch(epoch, Batches, Random, meter, CheckAlive) with { GeneratorLearningRate = rates.Generator, DiscriminatorLearningRate = rates.Discriminator };
                if (!IsFinite(metrics))
                {
                    var diagnosis = Doctor.NonFinite(epoch, restoreOnNonFinite);
                    if (!restoreOnNonFinite)
                        throw new InvalidOperationException(
                            $"GAN training diverged: a loss became NaN or infinite in epoch {epoch} (discriminator {metrics.DiscriminatorLoss}, generator {metrics.GeneratorLoss}). Remedy: {diagnosis.Remedy}. " +
                            $"Set Options.{nameof(GanTrainer.Options.NonFinitePolicy)} = {nameof(GanNonFinitePolicy.RestoreLastGood)} to keep the last good networks instead.");
                    lastGood!.Restore();
                    Record(diagnosis);
                    break;
                }

                if (Probe is not null) metrics = metrics with { CollapseRatio = Probe.Measure(sampled) };
                var evaluate = Monitor is not null && (epoch - firstEpoch + 1) % Options.EarlyStopping!.EvaluateEveryEpochs == 0;
                if (evaluate)
                {
                    var quality = Monitor!.Measure(sampled);
                    metrics = metrics with { HeldOutEnergyDistance = quality };
                    // The energy distance estimate is unbiased, so it can fall below 0: improvement is measured on |best|.
                    if (bestGenerator is null || (double.IsNaN(best) && !double.IsNaN(quality))
                        || quality < best - Options.EarlyStopping!.MinimumImprovement * Math.Abs(best))
                    {
                        best = quality;
                        bestEpoch = epoch;
                        evaluationsSinceBest = 0;
                        bestGenerator?.Dispose();
                        bestGenerator = ModuleSnapshot.Capture(sampled);
                    }
                    else evaluationsSinceBest++;
                }

                History.Add(metrics);
                History.SelectedEpoch = epoch;
                Channel.Info(Describe(metrics, lastEpoch) + (Schedule.IsConstant ? "" : FormattableString.Invariant($", learning rates G {rates.Generator:G4} D {rates.Discriminator:G4}")));
                if (Options.EnableDiagnostics)
                    foreach (var diagnosis in Doctor.Examine(History.Epochs)) Record(diagnosis);
                Options.ProgressCallback?.Invoke(metrics);

                lastGood?.Update();
                if (evaluate && evaluationsSinceBest >= Options.EarlyStopping!.Patience)
                {
                    History.StoppedEarly = epoch < lastEpoch;
                    Channel.Info($"Early stopping at epoch {epoch}: held-out energy distance has not improved for {evaluationsSinceBest} evaluations; keeping epoch {bestEpoch} ({best:G4}).");
                    break;
                }
            }
            if (bestGenerator is not null)
            {
                bestGenerator.RestoreInto(sampled);
                History.SelectedEpoch = bestEpoch;
            }
        }
        finally
        {
            bestGenerator?.Dispose();
        }
    }

    private void CheckAlive()
    {
        Host.CheckAlive();
        Options.CancellationToken.ThrowIfCancellationRequested();
    }

    private void Record(GanDiagnosis diagnosis)
    {
        History.Add(diagnosis);
        Channel.Warning($"GAN training doctor, {diagnosis}");
    }

    private static bool IsFinite(GanEpochMetrics m) =>
        double.IsFinite(m.DiscriminatorLoss) && double.IsFinite(m.GeneratorLoss) && double.IsFinite(m.GeneratorGradientNorm);

    private static string Describe(GanEpochMetrics m, int lastEpoch) =>
        $"Epoch {m.Epoch}/{lastEpoch}: D loss {m.DiscriminatorLoss:G4}, G loss {m.GeneratorLoss:G4}, D(real) {m.MeanRealScore:G4}, D(fake) {m.MeanFakeScore:G4}, " +
        (double.IsNaN(m.WassersteinEstimate) ? $"D accuracy {m.DiscriminatorAccuracy:P1}" : $"Wasserstein estimate {m.WassersteinEstimate:G4}") +
        $", |grad G| {m.GeneratorGradientNorm:G3}" +
        (double.IsNaN(m.CollapseRatio) ? "" : $", diversity {m.CollapseRatio:P0}") +
        (double.IsNaN(m.HeldOutEnergyDistance) ? "" : $", held-out energy {m.HeldOutEnergyDistance:G4}") +
        $", {m.Seconds:F2}s";
}
