using GanEstimators.Encoding;
using GanEstimators.Losses;
using GanEstimators.Networks;
using GanEstimators.Sampling;
using GanEstimators.Training;
using TorchSharp;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

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
    public GanSampler Fit(IDataView input)
    {
        _host.CheckValue(input, nameof(input));
        using var channel = _host.Start("Training GAN");
        var features = TrainingColumns.ResolveFeatures(input.Schema, _options.FeatureColumnNames);
        var conditionColumn = TrainingColumns.ResolveCondition(input.Schema, _options.ConditionColumnName);
        var table = TrainingTableReader.Read(input, features, conditionColumn);

        var encoder = new TableEncoder(features.Select(f => (ColumnEncoder)new StandardScalingEncoder(f.Name, f.Type)).ToArray());
        encoder.Fit(table.Raw, table.Rows);
        var encoded = encoder.Encode(table.Raw, table.Rows);
        var condition = conditionColumn is { } c
            ? ConditionEncoder.Fit(c.Name, c.Type, ConditionEncoder.ReadKeyValues(c), table.Conditions!)
            : null;
        var classIndices = condition is null ? null : table.Conditions!.Select(condition.IndexOf).ToArray();

        var device = DeviceSelector.Select(_environment);
        var seed = _options.Seed ?? _host.Rand.Next();
        var batchSize = _options.BatchSize;
        if (batchSize > table.Rows)
        {
            channel.Warning($"BatchSize {batchSize} is larger than the {table.Rows} training rows; using batches of {table.Rows}.");
            batchSize = table.Rows;
        }
        channel.Info($"Training a {(condition is null ? "" : $"conditional ({condition.Count} classes) ")}GAN with {_options.Loss} loss on {table.Rows} rows × {encoder.EncodedWidth} encoded values, device {device}, seed {seed}.");

        var loss = AdversarialLossFactory.Create(_options.Loss, _options.WeightClip, _options.GradientPenaltyWeight);
        var conditionWidth = condition?.Count ?? 0;
        ConditionalMlp generator, discriminator;
        lock (NetworkInitialisation)
        {
            TorchSharp.torch.random.manual_seed(seed);
            generator = ConditionalMlp.Generator(new MlpSpec(_options.NoiseDimension, conditionWidth, _options.GeneratorHiddenSizes, encoder.EncodedWidth));
            discriminator = ConditionalMlp.Discriminator(new MlpSpec(encoder.EncodedWidth, conditionWidth, _options.DiscriminatorHiddenSizes, 1));
        }
        generator.to(device);
        discriminator.to(device);

        var loop = new AdversarialTrainingLoop
        {
            Generator = generator,
            Discriminator = discriminator,
            Loss = loss,
            Optimizer = new OptimizerSettings(
                _options.Optimizer ?? loss.Defaults.Optimizer,
                _options.LearningRate ?? loss.Defaults.LearningRate,
                _options.Beta1 ?? loss.Defaults.Beta1,
                _options.Beta2 ?? loss.Defaults.Beta2),
            CriticSteps = _options.CriticSteps ?? loss.Defaults.CriticSteps,
            BatchSize = batchSize,
            NoiseDimension = _options.NoiseDimension,
            Device = device,
        };
        GanTrainingHistory history;
        using (var batches = new TrainingBatches(encoded, table.Rows, encoder.EncodedWidth, classIndices, conditionWidth, device))
        using (var random = new TorchSharp.torch.Generator((ulong)seed, device))
        using (discriminator)
        {
            try
            {
                history = loop.Run(batches, _options.Epochs, random, _host, channel, _options.ProgressCallback, _options.CancellationToken);
            }
            catch
            {
                generator.Dispose();
                throw;
            }
        }
        return new GanSampler(_environment, new SyntheticRowGenerator(encoder, condition, generator, device), seed, history);
    }

    /// <summary>The input columns plus the generated feature columns (same names and types as in training).</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var columns = inputSchema.ToDictionary(c => c.Name);
        foreach (var name in _options.FeatureColumnNames)
        {
            if (!inputSchema.TryFindColumn(name, out var column))
                throw new ArgumentException($"Feature column '{name}' was not found in the input schema.", nameof(inputSchema));
            var supported = column.Kind != SchemaShape.Column.VectorKind.VariableVector && !column.IsKey
                && (column.Kind == SchemaShape.Column.VectorKind.Vector
                    ? column.ItemType == NumberDataViewType.Single
                    : NumericConversion.For(column.ItemType) is not null);
            if (!supported)
                throw new ArgumentException(TrainingColumns.UnsupportedFeature(name, column.GetTypeString(), column.ItemType is TextDataViewType || column.IsKey), nameof(inputSchema));
            columns[name] = new SchemaShape.Column(name, column.Kind, column.ItemType, false);
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
