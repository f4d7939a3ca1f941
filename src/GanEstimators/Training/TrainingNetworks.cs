using GanEstimators.Encoding;
using GanEstimators.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>
/// The networks one training run updates (generator, discriminator, the generator average when it is on) and their
/// optimisers: built fresh from the plan, or restored from the sampler being resumed. Disposes what it still owns;
/// <see cref="TakeSampledGenerator"/> hands the generator the sampler draws from to its new owner.
/// </summary>
internal sealed class TrainingNetworks : IDisposable
{
    private bool _generatorHandedOver;

    private TrainingNetworks(GeneratorNetwork generator, nn.Module<Tensor, Tensor?, Tensor> discriminator)
    {
        Generator = generator;
        Discriminator = discriminator;
    }

    public GeneratorNetwork Generator { get; }
    public nn.Module<Tensor, Tensor?, Tensor> Discriminator { get; }
    public GeneratorAverage? Average { get; private set; }
    public optim.Optimizer GeneratorOptimizer { get; private set; } = null!;
    public optim.Optimizer DiscriminatorOptimizer { get; private set; } = null!;

    public static TrainingNetworks Create(GanTrainingPlan plan, GanTrainer.Options options, TableEncoder encoder, int conditionWidth, Device device)
    {
        var (generator, discriminator) = plan.Resume is { } resume
            ? BothOrNeither(() => TrainedGenerator(resume, device), resume.SavedState.RestoreDiscriminator)
            : Build(plan, options, encoder, conditionWidth);
        var networks = new TrainingNetworks(generator, discriminator);
        try
        {
            generator.to(device);   // may run out of device memory: the networks are disposed below, not leaked
            discriminator.to(device);
            if (options.GeneratorAverageDecay > 0)
            {
                var savedAverage = plan.Resume?.SavedState.Average;
                networks.Average = new GeneratorAverage(generator, savedAverage is null ? generator.Copy(device) : plan.Resume!.Generator.Copy(device),
                    options.GeneratorAverageDecay, savedAverage?.Updates ?? 0);
            }
            networks.GeneratorOptimizer = plan.Optimizer.CreateForGenerator(generator.parameters());
            networks.DiscriminatorOptimizer = plan.Optimizer.CreateForDiscriminator(discriminator.parameters());
            if (plan.Resume?.SavedState is { } state)
            {
                TrainingState.RestoreOptimizer(networks.GeneratorOptimizer, state.GeneratorOptimizerState, plan.Optimizer.LearningRate);
                TrainingState.RestoreOptimizer(networks.DiscriminatorOptimizer, state.DiscriminatorOptimizerState, plan.Optimizer.DiscriminatorLearningRate);
            }
            return networks;
        }
        catch
        {
            networks.Dispose();
            throw;
        }
    }

    /// <summary>What resuming this run later needs; call before <see cref="TakeSampledGenerator"/>.</summary>
    public TrainingState CaptureState(int pacSize, OptimizerSettings settings, Generator random) =>
        TrainingState.Capture(Discriminator, pacSize, settings, GeneratorOptimizer, DiscriminatorOptimizer, random, Generator, Average);

    /// <summary>The generator the sampler gets (the average when there is one, and then the trained one is disposed); the caller owns it.</summary>
    public GeneratorNetwork TakeSampledGenerator()
    {
        _generatorHandedOver = true;
        if (Average is null) return Generator;
        Generator.Dispose();
        return Average.Network;
    }

    public void Dispose()
    {
        GeneratorOptimizer?.Dispose();
        DiscriminatorOptimizer?.Dispose();
        if (!_generatorHandedOver)
        {
            Generator.Dispose();
            Average?.Dispose();
        }
        Discriminator.Dispose();
    }

    /// <summary>The generator to train on from: the sampler's own, or the trained one its training state kept when the sampler holds an average.</summary>
    private static GeneratorNetwork TrainedGenerator(ResumePoint resume, Device device) =>
        resume.SavedState.Average is { } average
            ? GeneratorNetwork.Load(resume.Generator.Spec, average.TrainedGeneratorWeights, "the trained generator's weights in the sampler's training state (TrainingState.bin)")
            : resume.Generator.Copy(device);

    private static (GeneratorNetwork Generator, nn.Module<Tensor, Tensor?, Tensor> Discriminator) Build(GanTrainingPlan plan, GanTrainer.Options options, TableEncoder encoder, int conditionWidth)
    {
        GeneratorSpec generator;
        DiscriminatorSpec discriminator;
        var pacSize = options.PacSize;
        if (plan.Network.Image is { } image)
        {
            var embedding = conditionWidth > 0 ? DcganGeneratorSpec.DefaultConditionEmbeddingWidth : 0;
            generator = GeneratorSpec.Image(new DcganGeneratorSpec(image, options.NoiseDimension, conditionWidth, embedding, options.Image.BaseChannels, options.Image.GeneratorDepth), encoder.Spans);
            discriminator = DiscriminatorSpec.Of(new DcganDiscriminatorSpec(image, conditionWidth, options.Image.BaseChannels, pacSize, plan.Network.Normalisation, options.Image.DiscriminatorDepth));
        }
        else
        {
            generator = GeneratorSpec.Tabular(plan.Network.Architecture, new MlpSpec(options.NoiseDimension, conditionWidth, options.Mlp.GeneratorHiddenSizes, encoder.EncodedWidth), encoder.Spans);
            discriminator = DiscriminatorSpec.Of(new MlpSpec(pacSize * encoder.EncodedWidth, pacSize * conditionWidth, options.Mlp.DiscriminatorHiddenSizes, 1));
        }
        return GlobalTorchRandom.Seeded(plan.Seed, () => BothOrNeither(() => new GeneratorNetwork(generator), discriminator.Build));
    }

    /// <summary>The generator, then the discriminator; the generator is disposed if the discriminator cannot be made.</summary>
    private static (GeneratorNetwork Generator, nn.Module<Tensor, Tensor?, Tensor> Discriminator) BothOrNeither(
        Func<GeneratorNetwork> makeGenerator, Func<nn.Module<Tensor, Tensor?, Tensor>> makeDiscriminator)
    {
        var generator = makeGenerator();
        try
        {
            return (generator, makeDiscriminator());
        }
        catch
        {
            generator.Dispose();
            throw;
        }
    }
}
