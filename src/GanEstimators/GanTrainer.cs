using GanEstimators.Conditioning;
using GanEstimators.Constraints;
using GanEstimators.Encoding;
using GanEstimators.Native;
using GanEstimators.Sampling;
using GanEstimators.Training;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace GanEstimators;

/// <summary>
/// Trains a generative adversarial network on the feature columns of an <see cref="IDataView"/> and returns a
/// <see cref="GanSampler"/> that generates new rows like them.
/// </summary>
public sealed partial class GanTrainer : IEstimator<GanSampler>
{
    private readonly IHostEnvironment _environment;
    private readonly IHost _host;
    private readonly Options _options;

    internal GanTrainer(IHostEnvironment environment, Options options)
    {
        _environment = Contracts.CheckRef(environment, nameof(environment));
        _host = environment.Register(nameof(GanTrainer));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        OptionsValidator.Validate(options);
    }

    /// <summary>Trains the networks and returns the sampler. Honours <c>MLContext.CancelExecution()</c> between steps.</summary>
    public GanSampler Fit(IDataView input) => Fit(input, resumeFrom: null);

    /// <summary>
    /// Continues training <paramref name="resumeFrom"/> (a sampler trained with <see cref="Options.KeepTrainingState"/>,
    /// possibly loaded from a saved model) for <see cref="Options.Epochs"/> more epochs, with its discriminator and
    /// optimiser state, at its learning rates unless <see cref="Options.LearningRate"/> or
    /// <see cref="Options.DiscriminatorLearningRate"/> give new ones. The given sampler is left unchanged; a new one is returned.
    /// </summary>
    public GanSampler Fit(IDataView input, GanSampler? resumeFrom)
    {
        _host.CheckValue(input, nameof(input));
        // Options are a mutable class the caller keeps: checked again here, as they are when the trainer is made.
        OptionsValidator.Validate(_options);
        // Held to the end: the weights are read long after this call begins, and a Dispose meanwhile must not free them.
        using var resumedWeights = resumeFrom?.Generator.Use();
        using var channel = _host.Start("Training GAN");
        using var threads = LibTorchThreads.Hold(_options.NumberOfThreads, channel.Info);
        var constraints = CheckConstraints(ref input, resumeFrom, channel);
        var plan = GanTrainingPlan.Resolve(input.Schema, _options, resumeFrom is null ? null : ResumePointOf(resumeFrom), () => _host.Rand.Next());
        var data = EncodedInput.Read(input, plan, _options, channel, constraints);
        var device = DeviceSelector.SelectFor(_environment, plan.Network, channel);
        var split = HoldoutSplit.Make(data.Rows, _options.EarlyStopping, plan.Seed);
        var batchSize = AdaptBatchSize(split.Training.Count, _options.PacSize, channel);
        var categories = TrainingBySampling.Build(data.Encoder, split.Training, _options.BalanceConditionClasses);
        channel.Info(StartMessage(plan, data, split.Training.Count, device));
        var trained = new TrainingRun
        {
            Host = _host, Channel = channel, Options = _options, Plan = plan,
            Encoder = data.Encoder, ClassCount = data.Condition?.Count ?? 0, Categories = categories, BatchSize = batchSize, Device = device,
        }.Train(split);
        var generator = new SyntheticRowGenerator(data.Encoder, data.Condition, categories.Vector, trained.Generator, device)
        {
            Constraints = data.Constraints, Combinations = data.Combinations, Determined = data.Determined, Correlations = data.Correlations,
        };
        return new GanSampler(_environment, generator, plan.Seed, trained.History, trained.State);
    }

    /// <summary>
    /// Checks the constraints against the data (and a resumed sampler's), and with constraints replaces
    /// <paramref name="input"/> by the reparameterised columns the model learns.
    /// </summary>
    private CheckedConstraints CheckConstraints(ref IDataView input, GanSampler? resumeFrom, IChannel channel)
    {
        var ordered = ConstraintColumns.Check(input.Schema, _options);
        var resumed = resumeFrom?.Generator.Constraints?.Constraints ?? Array.Empty<GanConstraint>();
        if (resumeFrom is not null && !resumed.ToHashSet().SetEquals(ordered))
            throw new ArgumentException(
                $"Options.Constraints ({Describe(ordered)}) differ from the constraints of the sampler being resumed ({Describe(resumed)}); resume with the same constraints.", nameof(resumeFrom));
        if (ordered.Length == 0) return CheckedConstraints.None;
        var largest = TrainingRowsCheck.Run(input, ordered);
        channel.Info($"Constraints: {Describe(ordered)}; every training row follows them.");
        input = new ReparameterisedView(input, ordered);
        return new CheckedConstraints(ordered, largest);
    }

    private static string Describe(IReadOnlyList<GanConstraint> constraints) =>
        constraints.Count == 0 ? "none" : string.Join("; ", constraints.Select(c => $"'{c}'"));

    /// <summary>The parts of <paramref name="sampler"/> that training resumes from; training itself never sees a sampler.</summary>
    private static ResumePoint ResumePointOf(GanSampler sampler) =>
        new(sampler.Generator.Features, sampler.Generator.Condition, sampler.Generator.Network, sampler.TrainingState, sampler.History, sampler.Seed);

    private string StartMessage(GanTrainingPlan plan, EncodedInput data, int trainingRows, Device device) =>
        $"{(plan.IsResumed ? "Resuming" : "Training")} a {(data.Condition is null ? "" : $"conditional ({data.Condition.Count} classes) ")}{plan.Network.Architecture} GAN with {_options.Loss} loss on {trainingRows} rows × {data.Encoder.EncodedWidth} encoded values" +
        (plan.Network.Image is { } image ? $" ({image} images)" : "") +
        $"{(_options.PacSize > 1 ? $", PacGAN packing {_options.PacSize}" : "")}, device {device}, seed {plan.Seed}.";

    private int AdaptBatchSize(int rows, int pacSize, IChannel channel)
    {
        var batchSize = _options.BatchSize;
        if (batchSize > rows)
        {
            channel.Warning($"BatchSize {batchSize} is larger than the {rows} training rows; using batches of {rows}.");
            batchSize = rows;
        }
        var packed = Math.Max(pacSize, batchSize / pacSize * pacSize);
        if (packed != batchSize) channel.Info($"Batch size {batchSize} rounded to {packed}, a multiple of PacSize {pacSize}.");
        return packed;
    }

    /// <summary>The input columns plus the generated feature columns (same names and types as in training; a vector keeps its dimensions in the transformed data).</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var columns = inputSchema.ToDictionary(c => c.Name);
        var (features, _) = TrainingColumns.Check(InputColumns.Of(inputSchema), _options);
        foreach (var (feature, _) in features)
        {
            var column = columns[feature.Name];
            columns[column.Name] = new SchemaShape.Column(column.Name, column.Kind, column.ItemType, column.IsKey); // generated: without the input's annotations
        }
        return new SchemaShape(columns.Values);
    }
}
