using GanEstimators.Networks;
using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>
/// What resuming needs beyond the generator: the discriminator's weights, both optimisers' state (Adam moments or
/// RMSprop averages) and the training random generator's state, serialised in TorchSharp's own formats — so a resumed
/// run continues exactly where the saved one stopped.
/// </summary>
internal sealed record TrainingState(
    DiscriminatorSpec DiscriminatorSpec,
    int PacSize,
    OptimizerSettings Optimizer,
    byte[] DiscriminatorWeights,
    byte[] GeneratorOptimizerState,
    byte[] DiscriminatorOptimizerState,
    byte[] RandomState)
{
    public static TrainingState Capture(nn.Module<Tensor, Tensor?, Tensor> discriminator, int pacSize, OptimizerSettings settings, optim.Optimizer generatorOptimizer, optim.Optimizer discriminatorOptimizer, Generator random)
    {
        using var randomState = random.get_state();
        return new(DiscriminatorSpec.Of(discriminator), pacSize, settings,
            Serialise(w => discriminator.save(w)),
            Serialise(w => SaveOptimizer(generatorOptimizer, w)),
            Serialise(w => SaveOptimizer(discriminatorOptimizer, w)),
            randomState.data<byte>().ToArray());
    }

    public void RestoreRandom(Generator random)
    {
        using var state = tensor(RandomState, dtype: ScalarType.Byte);
        random.set_state(state);
    }

    public nn.Module<Tensor, Tensor?, Tensor> RestoreDiscriminator()
    {
        var discriminator = DiscriminatorSpec.Build();
        using var reader = new BinaryReader(new MemoryStream(DiscriminatorWeights));
        discriminator.load(reader);
        return discriminator;
    }

    public static void RestoreOptimizer(optim.Optimizer optimizer, byte[] state)
    {
        using var reader = new BinaryReader(new MemoryStream(state));
        ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(reader);
    }

    private static void SaveOptimizer(optim.Optimizer optimizer, BinaryWriter writer) =>
        ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(writer);

    private static byte[] Serialise(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) write(writer);
        return stream.ToArray();
    }

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
    }

    public static TrainingState Load(BinaryReader reader)
    {
        var spec = DiscriminatorSpec.Load(reader);
        var pac = reader.ReadInt32();
        var settings = new OptimizerSettings((GanOptimizer)reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
        byte[] Next() => reader.ReadBytes(reader.ReadInt32());
        return new TrainingState(spec, pac, settings, Next(), Next(), Next(), Next());
    }
}
