using GanEstimators.Diagnostics;
using GanEstimators.Encoding;
using GanEstimators.Sampling;
using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>
/// One training run on prepared rows: sets up the networks, batches, training random generator and monitors (fresh or
/// restored, as the plan says), runs the <see cref="TrainingSession"/>, and returns the new sampler.
/// </summary>
internal sealed class TrainingRun
{
    public required IHostEnvironment Environment { get; init; }
    public required IHost Host { get; init; }
    public required IChannel Channel { get; init; }
    public required GanTrainer.Options Options { get; init; }
    public required GanTrainingPlan Plan { get; init; }
    public required TableEncoder Encoder { get; init; }
    public required ConditionEncoder? Condition { get; init; }
    public required CategoryConditions Categories { get; init; }
    public required int BatchSize { get; init; }
    public required Device Device { get; init; }

    private int ClassCount => Condition?.Count ?? 0;

    /// <param name="split">The encoded rows; taken here rather than kept, so they need not outlive the set-up.</param>
    public GanSampler Train(HoldoutSplit split)
    {
        using var networks = TrainingNetworks.Create(Plan, Options, Encoder, ClassCount + Categories.Width, Device);
        var history = Plan.Resume?.Sampler.History.Copy() ?? new GanTrainingHistory();
        using var batches = new TrainingBatches(split.Training, split.TrainingRows, Encoder.EncodedWidth, split.TrainingClasses, ClassCount, Categories, Device);
        using var random = new Generator((ulong)Plan.Seed);
        Plan.Resume?.State.RestoreRandom(random);
        using var probe = Options.EnableDiagnostics ? new CollapseProbe(batches, Options.NoiseDimension, Plan.Seed, Device) : null;
        using var monitor = split.HoldoutRows > 0
            ? new HeldOutQualityMonitor(split.Holdout, split.HoldoutRows, Encoder.EncodedWidth, split.HoldoutClasses, ClassCount, Categories, Options.NoiseDimension, Plan.Seed, Device)
            : null;
        Session(networks, batches, random, history, probe, monitor, Math.Max(1, split.TrainingRows / BatchSize)).Run();

        var trainingState = Options.KeepTrainingState ? networks.CaptureState(Options.PacSize, Plan.Optimizer, random) : null;
        var sampled = networks.TakeSampledGenerator();
        return new GanSampler(Environment, new SyntheticRowGenerator(Encoder, Condition, Categories, sampled, Device), Plan.Seed, history, trainingState);
    }

    private TrainingSession Session(TrainingNetworks networks, TrainingBatches batches, Generator random, GanTrainingHistory history,
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
        Doctor = new TrainingDoctor(Options.Loss, Plan.Loss.IsCritic, Options.PacSize, stepsPerEpoch),
        Probe = probe,
        Monitor = monitor,
    };
}
