using GanEstimators.Conditioning;
using GanEstimators.Diagnostics;
using GanEstimators.Encoding;
using GanEstimators.Losses;
using GanEstimators.Native;
using GanEstimators.Networks;
using GanEstimators.Sampling;
using GanEstimators.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators;

/// <summary>
/// Trains a generative adversarial network on the feature columns of an <see cref="IDataView"/> and returns a
/// <see cref="GanSampler"/> that generates new rows like them.
/// </summary>
public sealed partial class GanTrainer : IEstimator<GanSampler>
{
    private static readonly object NetworkInitialisation = new();

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
    /// The encoders stay as fitted: a categorical level the sampler never saw trains in the column's pooled slot when it
    /// has one, and is otherwise an <see cref="ArgumentException"/> naming the column and level.
    /// </summary>
    public GanSampler Fit(IDataView input, GanSampler? resumeFrom)
    {
        _host.CheckValue(input, nameof(input));
        using var channel = _host.Start("Training GAN");
        var features = TrainingColumns.ResolveFeatures(input.Schema, _options);
        var conditionColumn = TrainingColumns.ResolveCondition(input.Schema, _options.ConditionColumnName);
        var plan = NetworkPlan.Resolve(features, _options);
        if (resumeFrom is not null) ResumeCompatibility.Check(resumeFrom, features, conditionColumn, _options, plan);
        var encoder = resumeFrom?.Generator.Features.Copy() ?? ColumnEncoderFactory.Create(features, _options, plan.Architecture);
        var table = TrainingTableReader.Read(input, features, encoder, conditionColumn);
        var seed = resumeFrom?.Seed ?? _options.Seed ?? _host.Rand.Next();
        if (resumeFrom is null)
        {
            encoder.Fit(table, seed);
            foreach (var note in encoder.Columns.OfType<CategoricalEncoder>().Select(c => c.PoolingNote(table.Rows)).OfType<string>())
                channel.Warning(note);
        }
        var condition = resumeFrom?.Generator.Condition ?? (conditionColumn is { } c
            ? ConditionEncoder.Fit(c, table.Conditions!)
            : null);
        var device = DeviceSelector.Select(_environment);
        if (plan.Architecture == GanArchitecture.Dcgan)
        {
            if (OneDnnInstructionSet.AppliedNote is { } note) channel.Info(note);
            ConvolutionGradientCheck.EnsureCorrect(device);
        }
        var rows = new EncodedRows(encoder.Encode(table.Raw, table.Rows, seed), table.Rows, encoder.EncodedWidth,
            condition is null ? null : table.Conditions!.Select(condition.IndexOf).ToArray(), condition?.Count ?? 0);
        var split = HoldoutSplit.Make(rows, _options.EarlyStopping, seed);
        var pacSize = _options.PacSize;
        var batchSize = AdaptBatchSize(split.Training.Count, pacSize, channel);
        var loss = AdversarialLossFactory.Create(_options.Loss, _options.WeightClip, _options.GradientPenaltyWeight);
        var learningRate = _options.LearningRate ?? loss.Defaults.LearningRate;
        var settings = resumeFrom?.TrainingState?.Optimizer.WithRates(_options.LearningRate, _options.DiscriminatorLearningRate) ?? new OptimizerSettings(
            _options.Optimizer ?? loss.Defaults.Optimizer,
            learningRate,
            _options.Beta1 ?? loss.Defaults.Beta1,
            _options.Beta2 ?? loss.Defaults.Beta2,
            _options.DiscriminatorLearningRate ?? learningRate);
        var classCount = condition?.Count ?? 0;
        var categories = TrainingBySampling.Build(encoder, split.Training, _options.BalanceConditionClasses);
        var conditionWidth = classCount + categories.Vector.Width;
        channel.Info($"{(resumeFrom is null ? "Training" : "Resuming")} a {(condition is null ? "" : $"conditional ({classCount} classes) ")}{plan.Architecture} GAN with {_options.Loss} loss on {split.Training.Count} rows × {encoder.EncodedWidth} encoded values" +
                     (plan.Image is { } image ? $" ({image} images)" : "") +
                     $"{(pacSize > 1 ? $", PacGAN packing {pacSize}" : "")}, device {device}, seed {seed}.");

        var (generator, discriminator) = resumeFrom is null
            ? CreateNetworks(seed, plan, encoder, conditionWidth, pacSize)
            : (TrainedGenerator(resumeFrom), resumeFrom.TrainingState!.RestoreDiscriminator());
        generator.to(device);
        discriminator.to(device);
        GeneratorAverage? average = null;
        try
        {
            if (_options.GeneratorAverageDecay > 0)
            {
                var savedAverage = resumeFrom?.TrainingState?.Average;
                average = new GeneratorAverage(generator, savedAverage is null ? generator.Copy(device) : resumeFrom!.Generator.Network.Copy(device),
                    _options.GeneratorAverageDecay, savedAverage?.Updates ?? 0);
            }
            using var generatorOptimizer = settings.CreateForGenerator(generator.parameters());
            using var discriminatorOptimizer = settings.CreateForDiscriminator(discriminator.parameters());
            if (resumeFrom?.TrainingState is { } state)
            {
                TrainingState.RestoreOptimizer(generatorOptimizer, state.GeneratorOptimizerState, settings.LearningRate);
                TrainingState.RestoreOptimizer(discriminatorOptimizer, state.DiscriminatorOptimizerState, settings.DiscriminatorLearningRate);
            }
            var history = resumeFrom?.History.Copy() ?? new GanTrainingHistory();
            using var batches = new TrainingBatches(split.Training, categories, device);
            using var random = new torch.Generator((ulong)seed);
            resumeFrom?.TrainingState?.RestoreRandom(random);
            using var probe = _options.EnableDiagnostics ? new CollapseProbe(batches, _options.NoiseDimension, seed, device) : null;
            using var monitor = split.Holdout.Count > 0
                ? new HeldOutQualityMonitor(split.Holdout, categories.Vector, _options.NoiseDimension, seed, device)
                : null;
            new TrainingSession
            {
                Loop = new AdversarialTrainingLoop
                {
                    Generator = generator,
                    Discriminator = discriminator,
                    GeneratorOptimizer = generatorOptimizer,
                    DiscriminatorOptimizer = discriminatorOptimizer,
                    Loss = loss,
                    CriticSteps = _options.DiscriminatorSteps ?? loss.Defaults.CriticSteps,
                    BatchSize = batchSize,
                    PacSize = pacSize,
                    NoiseDimension = _options.NoiseDimension,
                    Device = device,
                    Average = average,
                    FrequencyMatchingWeight = _options.FrequencyMatchingWeight,
                },
                Batches = batches,
                Random = random,
                Host = _host,
                Channel = channel,
                Options = _options,
                History = history,
                Doctor = new TrainingDoctor(_options.Loss, loss.IsCritic, pacSize, Math.Max(1, split.Training.Count / batchSize)),
                Probe = probe,
                Monitor = monitor,
            }.Run();

            var trainingState = _options.KeepTrainingState
                ? TrainingState.Capture(discriminator, pacSize, settings, generatorOptimizer, discriminatorOptimizer, random, generator, average)
                : null;
            var sampled = average?.Network ?? generator;
            if (average is not null) generator.Dispose();
            return new GanSampler(_environment, new SyntheticRowGenerator(encoder, condition, categories.Vector, sampled, device), seed, history, trainingState);
        }
        catch
        {
            generator.Dispose();
            average?.Dispose();
            throw;
        }
        finally
        {
            discriminator.Dispose();
        }
    }

    /// <summary>The generator to train on from: the sampler's own, or the trained one its training state kept when the sampler holds an average.</summary>
    private static GeneratorNetwork TrainedGenerator(GanSampler resumeFrom) =>
        resumeFrom.TrainingState?.Average is { } average
            ? GeneratorNetwork.Load(resumeFrom.Generator.Network.Spec, average.TrainedGeneratorWeights)
            : resumeFrom.Generator.CopyNetwork();

    private (GeneratorNetwork Generator, nn.Module<Tensor, Tensor?, Tensor> Discriminator) CreateNetworks(int seed, NetworkPlan plan, TableEncoder encoder, int conditionWidth, int pacSize)
    {
        GeneratorSpec generator;
        DiscriminatorSpec discriminator;
        if (plan.Image is { } image)
        {
            var embedding = conditionWidth > 0 ? DcganGeneratorSpec.DefaultConditionEmbeddingWidth : 0;
            generator = GeneratorSpec.Image(new DcganGeneratorSpec(image, _options.NoiseDimension, conditionWidth, embedding, _options.Image.BaseChannels, _options.Image.GeneratorDepth), encoder.Spans);
            discriminator = DiscriminatorSpec.Of(new DcganDiscriminatorSpec(image, conditionWidth, _options.Image.BaseChannels, pacSize, plan.Normalisation, _options.Image.DiscriminatorDepth));
        }
        else
        {
            generator = GeneratorSpec.Tabular(plan.Architecture, new MlpSpec(_options.NoiseDimension, conditionWidth, _options.Mlp.GeneratorHiddenSizes, encoder.EncodedWidth), encoder.Spans);
            discriminator = DiscriminatorSpec.Of(new MlpSpec(pacSize * encoder.EncodedWidth, pacSize * conditionWidth, _options.Mlp.DiscriminatorHiddenSizes, 1));
        }
        lock (NetworkInitialisation)
        {
            torch.random.manual_seed(seed);
            return (new GeneratorNetwork(generator), discriminator.Build());
        }
    }

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
        foreach (var name in _options.FeatureColumnNames)
        {
            if (!inputSchema.TryFindColumn(name, out var column))
                throw new ArgumentException($"Feature column '{name}' was not found in the input schema.", nameof(inputSchema));
            var declaredCategorical = _options.CategoricalColumnNames.Contains(name);
            var supported = column.Kind switch
            {
                SchemaShape.Column.VectorKind.Vector => column.ItemType == NumberDataViewType.Single && !declaredCategorical,
                SchemaShape.Column.VectorKind.Scalar => column.IsKey
                    ? column.ItemType.RawType == typeof(uint)
                    : TrainingColumns.IsCategorical(column.ItemType, declaredCategorical) is not null,
                _ => false,
            };
            if (!supported)
                throw new ArgumentException(TrainingColumns.UnsupportedFeature(name, column.GetTypeString(), declaredCategorical), nameof(inputSchema));
            if ((_options.Architecture == GanArchitecture.Dcgan || _options.Image.Shape is not null) && !(column.Kind == SchemaShape.Column.VectorKind.Vector && column.ItemType == NumberDataViewType.Single))
                throw new ArgumentException($"Feature column '{name}' has type {column.GetTypeString()}; the DCGAN image networks need a known-size vector of Single pixels.", nameof(inputSchema));
            columns[name] = new SchemaShape.Column(name, column.Kind, column.ItemType, column.IsKey);
        }
        if (_options.ConditionColumnName is { } conditionName)
        {
            if (!inputSchema.TryFindColumn(conditionName, out var condition))
                throw new ArgumentException($"Condition column '{conditionName}' was not found in the input schema.", nameof(inputSchema));
            if (condition.Kind != SchemaShape.Column.VectorKind.Scalar || !(condition.IsKey || ConditionEncoder.IsSupported(condition.ItemType)))
                throw new ArgumentException($"Condition column '{conditionName}' has type {condition.GetTypeString()}; expected {ConditionEncoder.ExpectedTypes}.", nameof(inputSchema));
        }
        return new SchemaShape(columns.Values);
    }
}
