using GanEstimators.Conditioning;
using GanEstimators.Diagnostics;
using GanEstimators.Encoding;
using GanEstimators.Networks;
using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>
/// One training run on prepared rows: sets up the networks, batches, training random generator and monitors (fresh or
/// restored, as the plan says), runs the <see cref="TrainingSession"/>, and returns what the new sampler is made of.
/// </summary>
internal sealed class TrainingRun
{
    public required IHost Host { get; init; }
    public required IChannel Channel { get; init; }
    public required GanTrainer.Options Options { get; init; }
    public required GanTrainingPlan Plan { get; init; }
    public required TableEncoder Encoder { get; init; }
    public required int ClassCount { get; init; }
    public required TrainingBySampling Categories { get; init; }
    public required int BatchSize { get; init; }
    public required Device Device { get; init; }

    /// <param name="split">The encoded rows; taken here rather than kept, so they need not outlive the set-up.</param>
    public TrainedRun Train(HoldoutSplit split)
    {
        using var networks = TrainingNetworks.Create(Plan, Options, Encoder, ClassCount + Categories.Vector.Width, Device);
        var history = Plan.Resume?.History.Copy() ?? new GanTrainingHistory();
        using var batches = new TrainingBatches(split.Training, Categories, Device);
        using var random = new TrainingRandom((ulong)Plan.Seed, Device, Options.Draws);
        Plan.Resume?.SavedState.RestoreRandom(random);
        using var probe = Options.EnableDiagnostics ? new CollapseProbe(batches.Rows, (rows, draws) => RealRows(batches, rows, draws), Options.NoiseDimension, Plan.Seed, Device) : null;
        using var monitor = split.Holdout.Count > 0
            ? new HeldOutQualityMonitor(split.Holdout, Categories.Vector, Options.NoiseDimension, Plan.Seed, Device)
            : null;
        Session(networks, batches, random, history, probe, monitor, batches.StepsPerEpoch(BatchSize)).Run();

        var trainingState = Options.KeepTrainingState ? networks.CaptureState(Options.PacSize, Plan.Optimizer, random) : null;
        return new TrainedRun(networks.TakeSampledGenerator(), history, trainingState);
    }

    /// <summary>A batch of real rows for the collapse probe, drawn as training draws them.</summary>
    private static (Tensor Rows, Tensor? Conditions) RealRows(TrainingBatches batches, int rows, Generator random)
    {
        var batch = batches.Draw(rows, random);
        return (batch.Real, batch.Conditions);
    }

    private TrainingSession Session(TrainingNetworks networks, TrainingBatches batches, TrainingRandom random, GanTrainingHistory history,
        CollapseProbe? probe, HeldOutQualityMonitor? monitor, int stepsPerEpoch) => new()
    {
        Loop = new AdversarialTrainingLoop
        {
            Generator = networks.Generator,
            Discriminator = networks.Discriminator,
            GeneratorOptimizer = networks.GeneratorOptimizer,
            DiscriminatorOptimizer = networks.DiscriminatorOptimizer,
            Loss = Plan.Loss,
            CriticSteps = Plan.CriticSteps,
            BatchSize = BatchSize,
            PacSize = Options.PacSize,
            NoiseDimension = Options.NoiseDimension,
            Device = Device,
            Average = networks.Average,
            FrequencyMatchingWeight = Options.FrequencyMatchingWeight,
        },
        Batches = batches,
        Random = random,
        Host = Host,
        Channel = Channel,
        Options = Options,
        History = history,
        BaseRates = Plan.Optimizer,
        Schedule = Plan.Schedule,
        Doctor = new TrainingDoctor(Options.Loss, Plan.Loss.IsCritic, Options.PacSize, stepsPerEpoch),
        Probe = probe,
        Monitor = monitor,
    };
}

/// <summary>What a training run leaves: the generator to sample from (the caller owns it), the history, and the state to resume from when kept.</summary>
internal sealed record TrainedRun(GeneratorNetwork Generator, GanTrainingHistory History, TrainingState? State);
