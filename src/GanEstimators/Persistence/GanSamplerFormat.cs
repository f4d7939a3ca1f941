using GanEstimators.Encoding;
using GanEstimators.Networks;
using GanEstimators.Sampling;
using GanEstimators.Training;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace GanEstimators.Persistence;

/// <summary>
/// How a <see cref="GanSampler"/> lives inside an ML.NET model zip: encoders, condition vocabulary, network shape and
/// history in the model stream; generator weights as a TorchSharp state dict in their own binary stream.
/// </summary>
internal static class GanSamplerFormat
{
    private const string GeneratorWeightsStream = "Generator.bin";
    private const string TrainingStateStream = "TrainingState.bin";
    // Bump verWrittenCur (and teach Load the difference) whenever the layout below changes. Formats before 0x00010004
    // were never released: 0x00010002 added categorical conditions, generator families and output heads, 0x00010003
    // DCGAN specs and the discriminator kind, 0x00010004 the condition's own weight rows in every layer
    // (ConditionedLinear), which renamed the weights. 0x00010005 added the observed values and date cycles of
    // mode-specific columns; 0x00010004 models still load (without them). 0x00010006 added the generator average's
    // state (and the trained generator's own weights) to the training state. 0x00010007 added the point masses of
    // mode-specific columns and the categorical slot frequencies within each class. 0x00010008 added the DCGAN
    // networks' depths (the generator's to the model stream, the discriminator's to the training state).
    public const uint ObservedValuesVersion = 0x00010005;
    public const uint AveragedGeneratorVersion = 0x00010006;
    public const uint PointMassesVersion = 0x00010007;
    public const uint ImageNetworkDepthVersion = 0x00010008;

    public static VersionInfo GetVersionInfo() => new(
        modelSignature: "GANSAMPL",
        verWrittenCur: ImageNetworkDepthVersion,
        verReadableCur: ImageNetworkDepthVersion,
        verWeCanReadBack: 0x00010004,
        loaderSignature: GanSampler.LoaderSignature,
        loaderAssemblyName: typeof(GanSampler).Assembly.FullName);

    public static void Save(ModelSaveContext ctx, GanSampler sampler)
    {
        ctx.CheckAtModel();
        ctx.SetVersionInfo(GetVersionInfo());
        var writer = ctx.Writer;
        var generator = sampler.Generator;
        writer.Write(sampler.Seed);
        generator.Features.Save(writer);
        writer.Write(generator.Condition is not null);
        generator.Condition?.Save(writer);
        generator.Categories.Save(writer);
        generator.Network.Spec.Save(writer);
        sampler.History.Save(writer);
        ctx.SaveBinaryStream(GeneratorWeightsStream, w => generator.Network.save(w));
        if (sampler.TrainingState is { } state) ctx.SaveBinaryStream(TrainingStateStream, state.Save);
    }

    public static GanSampler Load(IHostEnvironment env, ModelLoadContext ctx)
    {
        ctx.CheckAtModel(GetVersionInfo());
        var reader = ctx.Reader;
        var seed = reader.ReadInt32();
        var features = TableEncoder.Load(reader, ctx.Header.ModelVerWritten);
        var condition = reader.ReadBoolean() ? ConditionEncoder.Load(reader) : null;
        var categories = CategoryConditions.Load(reader, withinClasses: ctx.Header.ModelVerWritten >= PointMassesVersion);
        var spec = GeneratorSpec.Load(reader, ctx.Header.ModelVerWritten);
        var history = GanTrainingHistory.Load(reader);
        var network = new GeneratorNetwork(spec);
        if (!ctx.TryLoadBinaryStream(GeneratorWeightsStream, r => network.load(r)))
            throw new InvalidDataException($"The saved GAN model has no '{GeneratorWeightsStream}' stream with the generator's weights.");
        TrainingState? state = null;
        ctx.TryLoadBinaryStream(TrainingStateStream, r => state = TrainingState.Load(r, ctx.Header.ModelVerWritten));
        var device = DeviceSelector.Select(env);
        return new GanSampler(env, new SyntheticRowGenerator(features, condition, categories, network, device), seed, history, state);
    }
}
