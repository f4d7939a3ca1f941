using GanEstimators.Networks;
using static TorchSharp.torch;
using GanEstimators.Serialization;

namespace GanEstimators.Training;

/// <summary>
/// What resuming needs beyond the generator: the discriminator's weights, both optimisers' state (Adam moments or
/// RMSprop averages) and the training random generator's state, serialised in TorchSharp's own formats — so a resumed
/// run continues exactly where the saved one stopped. When the sampler's generator is an average of the trained one
/// (<see cref="GeneratorAverage"/>), <see cref="Average"/> holds the trained generator's own weights.
/// </summary>
internal sealed record TrainingState(
    DiscriminatorSpec DiscriminatorSpec,
    int PacSize,
    OptimizerSettings Optimizer,
    byte[] DiscriminatorWeights,
    byte[] GeneratorOptimizerState,
    byte[] DiscriminatorOptimizerState,
    byte[] RandomState,
    AveragedGeneratorState? Average = null)
{
    public static TrainingState Capture(nn.Module<Tensor, Tensor?, Tensor> discriminator, int pacSize, OptimizerSettings settings, optim.Optimizer generatorOptimizer, optim.Optimizer discriminatorOptimizer, Generator random,
        GeneratorNetwork trainedGenerator, GeneratorAverage? average)
    {
        using var randomState = random.get_state();
        return new(DiscriminatorSpec.Of(discriminator), pacSize, settings,
            SerialisedBytes.Of(w => discriminator.save(w)),
            SerialisedBytes.Of(w => SaveOptimizer(generatorOptimizer, w)),
            SerialisedBytes.Of(w => SaveOptimizer(discriminatorOptimizer, w)),
            randomState.data<byte>().ToArray(),
            average is null ? null : new AveragedGeneratorState(average.Updates, SerialisedBytes.Of(w => trainedGenerator.save(w))));
    }

    public void RestoreRandom(Generator random)
    {
        using var state = tensor(RandomState, dtype: ScalarType.Byte);
        random.set_state(state);
    }

    /// <exception cref="InvalidDataException">The saved weights do not fit the discriminator (a file edited behind its hash: loading checks only their size).</exception>
    public nn.Module<Tensor, Tensor?, Tensor> RestoreDiscriminator() =>
        SavedModule.LoadInto(GlobalTorchRandom.Unseeded(DiscriminatorSpec.Build), DiscriminatorWeights, "the discriminator weights of the sampler's training state (TrainingState.bin)");

    /// <summary>Restores the optimiser's moments and step counts, then sets <paramref name="learningRate"/>, which the saved state would otherwise bring back.</summary>
    public static void RestoreOptimizer(optim.Optimizer optimizer, byte[] state, double learningRate)
    {
        using var reader = new BinaryReader(new MemoryStream(state));
        ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(reader);
        OptimizerSettings.SetRate(optimizer, learningRate);
    }

    private static void SaveOptimizer(optim.Optimizer optimizer, BinaryWriter writer) =>
        ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(writer);

    public void Save(BinaryWriter writer)
    {
        DiscriminatorSpec.Save(writer);
        writer.Write(PacSize);
        writer.Write((int)Optimizer.Optimizer);
        writer.Write(Optimizer.LearningRate);
        writer.Write(Optimizer.Beta1);
        writer.Write(Optimizer.Beta2);
        foreach (var bytes in new[] { DiscriminatorWeights, GeneratorOptimizerState, DiscriminatorOptimizerState, RandomState })
        {
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }
        writer.Write(Optimizer.DiscriminatorLearningRate);
        writer.Write(Average is not null);
        if (Average is null) return;
        writer.Write(Average.Updates);
        writer.Write(Average.TrainedGeneratorWeights.Length);
        writer.Write(Average.TrainedGeneratorWeights);
    }

    /// <summary>Reads what <see cref="Save"/> wrote; models before <see cref="ModelFormatVersions.AveragedGeneratorVersion"/> have no average and one learning rate.</summary>
    public static TrainingState Load(BinaryReader reader, uint formatVersion)
    {
        var spec = DiscriminatorSpec.Load(reader, formatVersion);
        var pac = reader.ReadInt32InRange("PacSize", 1, ModelLimits.MaxPacSize);
        var optimizer = reader.ReadEnum<GanOptimizer>("optimizer");
        var (learningRate, beta1, beta2) = (reader.ReadFiniteDouble("learning rate"), reader.ReadFiniteDouble("Beta1"), reader.ReadFiniteDouble("Beta2"));
        var weights = reader.ReadSizedBytes("the discriminator's weights");
        var generatorOptimizer = reader.ReadSizedBytes("the generator optimiser's state");
        var discriminatorOptimizer = reader.ReadSizedBytes("the discriminator optimiser's state");
        var random = reader.ReadSizedBytes("the random generator's state", ModelLimits.MaxRandomStateBytes);
        var current = formatVersion >= ModelFormatVersions.AveragedGeneratorVersion;
        var settings = new OptimizerSettings(optimizer, learningRate, beta1, beta2, current ? reader.ReadFiniteDouble("discriminator learning rate") : learningRate);
        var average = current && reader.ReadBoolean()
            ? new AveragedGeneratorState(reader.ReadInt64(), reader.ReadSizedBytes("the trained generator's weights"))
            : null;
        return new TrainingState(spec, pac, settings, weights, generatorOptimizer, discriminatorOptimizer, random, average);
    }
}

/// <summary>
/// The generator average's progress (its decay comes from the options of each run) and the weights of the generator
/// being trained (the sampler holds the average).
/// </summary>
internal sealed record AveragedGeneratorState(long Updates, byte[] TrainedGeneratorWeights);
