using GanEstimators.Conditioning;
using GanEstimators.Constraints;
using GanEstimators.Encoding;
using GanEstimators.Networks;
using GanEstimators.Sampling;
using GanEstimators.Serialization;
using GanEstimators.Training;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace GanEstimators.Persistence;

/// <summary>
/// How a <see cref="GanSampler"/> lives inside an ML.NET model zip: encoders, condition vocabulary, network shape and
/// history in the model stream; generator weights as a TorchSharp state dict in their own binary stream; SHA-256 hashes
/// of all of them at the start of the model stream. Loading treats the file as untrusted: hashes are verified before
/// parsing, every size is bounded and cross-checked before anything is allocated, weights must be finite, and every
/// failure is an <see cref="InvalidDataException"/> naming the zip entry and what was wrong (ML.NET's own refusals of a
/// wrong signature or a format too old or too new are its <see cref="FormatException"/>). A damaged optional training
/// state only costs the ability to resume (a warning is logged).
/// </summary>
internal static class GanSamplerFormat
{
    /// <summary>ML.NET's name for the loader of this format (GanSampler registers it).</summary>
    public const string LoaderSignature = "GanSampler";

    private const string GeneratorWeightsStream = "Generator.bin";
    private const string TrainingStateStream = "TrainingState.bin";
    // The version this code writes, and what each earlier version lacks: ModelFormatVersions (Serialization/), where
    // every component that saves itself can read them. Bump it whenever the layout below changes.
    public static VersionInfo GetVersionInfo() => new(
        modelSignature: "GANSAMPL",
        verWrittenCur: ModelFormatVersions.Current,
        verReadableCur: ModelFormatVersions.Current,
        verWeCanReadBack: ModelFormatVersions.OldestReadable,
        loaderSignature: LoaderSignature,
        loaderAssemblyName: typeof(GanSamplerFormat).Assembly.FullName);

    public static void Save(ModelSaveContext ctx, SavedSampler sampler)
    {
        ctx.CheckAtModel();
        ctx.SetVersionInfo(GetVersionInfo());
        var content = SerialisedBytes.Of(writer => WriteContent(writer, sampler));
        var generator = SerialisedBytes.Of(writer => SavedNetworks.Save(sampler.Generator.Network, writer));
        var state = sampler.TrainingState is { } training ? SerialisedBytes.Of(training.Save) : null;
        ModelChecksums.Of(new[] { (ModelChecksums.ContentName, content), (GeneratorWeightsStream, generator), (TrainingStateStream, state) }).Write(ctx.Writer);
        ctx.Writer.Write(content);
        ctx.SaveBinaryStream(GeneratorWeightsStream, writer => writer.Write(generator));
        if (state is not null) ctx.SaveBinaryStream(TrainingStateStream, writer => writer.Write(state));
    }

    private static void WriteContent(BinaryWriter writer, SavedSampler sampler)
    {
        var generator = sampler.Generator;
        writer.Write(sampler.Seed);
        generator.Features.Save(writer);
        writer.Write(generator.Condition is not null);
        generator.Condition?.Save(writer);
        ConditionalVectorFormat.Save(generator.Categories, writer);
        generator.Network.Spec.Save(writer);
        TrainingHistoryFormat.Save(sampler.History, writer);
        writer.Write(generator.Constraints is not null);
        generator.Constraints?.Save(writer);
        writer.Write(generator.Combinations is not null);
        generator.Combinations?.Save(writer);
        DeterminedColumns.Save(generator.Determined, writer);
        writer.Write(generator.Correlations is not null);
        generator.Correlations?.Save(writer);
    }

    private sealed record Content(int Seed, TableEncoder Features, ConditionEncoder? Condition, ConditionalVector Categories, GeneratorSpec Spec, GanTrainingHistory History)
    {
        public ConstraintRules? Constraints { get; init; }

        public SeenCombinations? Combinations { get; init; }

        public DeterminedColumns? Determined { get; init; }

        public NormalScoreCorrelations? Correlations { get; init; }
    }

    private static Content ReadContent(BinaryReader reader, uint version)
    {
        var content = new Content(
            reader.ReadInt32(),
            TableEncoder.Load(reader, version),
            reader.ReadBoolean() ? ConditionEncoder.Load(reader) : null,
            ConditionalVectorFormat.Load(reader, withinClasses: version >= ModelFormatVersions.PointMassesVersion),
            GeneratorSpec.Load(reader, version),
            TrainingHistoryFormat.Load(reader));
        if (version < ModelFormatVersions.ConstraintsVersion) return content;
        var constraints = reader.ReadBoolean() ? ConstraintRules.Load(reader, content.Features, content.Condition) : null;
        var combinations = reader.ReadBoolean()
            ? SeenCombinations.Load(reader, "combinations of the conditionable columns", column => SeenCombinations.LevelCountOf(column, content.Features, content.Condition))
            : null;
        if (version < ModelFormatVersions.DeterminedValuesVersion) return content with { Constraints = constraints, Combinations = combinations };
        content = content with { Constraints = constraints, Combinations = combinations, Determined = DeterminedColumns.Load(reader, content.Features) };
        if (version < ModelFormatVersions.CorrelationsVersion) return content;
        return content with { Correlations = reader.ReadBoolean() ? NormalScoreCorrelations.Load(reader, content.Features) : null };
    }

    public static SavedSampler Load(IHostEnvironment env, ModelLoadContext ctx)
    {
        ctx.CheckAtModel(GetVersionInfo());
        var version = ctx.Header.ModelVerWritten;
        var modelEntry = ModelEntries.PathOf(ctx, ModelLoadContext.ModelStreamName);
        // ML.NET checks only the version a file says its reader needs; this code writes that as the version itself.
        if (version > ModelFormatVersions.Current)
            throw new InvalidDataException($"Model entry '{modelEntry}' was written in format 0x{version:X8}, newer than this version of GanEstimators reads (0x{ModelFormatVersions.Current:X8}), yet claims to be readable by it: it was altered or damaged. Load it with the version that saved it.");
        using var channel = env.Start("Loading a GAN model");
        var block = ModelEntries.ReadModelBlock(ctx, modelEntry);
        ModelChecksums? checksums = null;
        var contentStart = 0;
        if (version >= ModelFormatVersions.ChecksumsVersion)
        {
            (checksums, contentStart) = ReadChecksums(block, modelEntry);
            checksums.Verify(ModelChecksums.ContentName, block[contentStart..], modelEntry);
        }
        else
        {
            channel.Warning($"The GAN model in '{modelEntry}' was saved in format 0x{version:X8}, before models carried content hashes, so damage to it cannot be detected. Save it again to add them.");
        }
        var content = ModelEntries.Parse(block, contentStart, modelEntry, reader => ReadContent(reader, version));
        if (SavedModelConsistency.GeneratorMismatch(content.Features, content.Condition, content.Categories, content.Spec) is { } mismatch)
            throw new InvalidDataException($"Model entry '{modelEntry}' is inconsistent: {mismatch}");

        var (network, savedGenerator) = LoadGenerator(ctx, content.Spec, checksums, modelEntry);
        try
        {
            var state = LoadTrainingState(ctx, channel, version, checksums, content, savedGenerator);
            var device = DeviceSelector.Select(env);
            var generator = new SyntheticRowGenerator(content.Features, content.Condition, content.Categories, network, device)
            {
                Constraints = content.Constraints, Combinations = content.Combinations, Determined = content.Determined, Correlations = content.Correlations,
            };
            return new SavedSampler(generator, content.Seed, content.History, state);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    private static (ModelChecksums Checksums, int ContentStart) ReadChecksums(byte[] block, string entry)
    {
        using var reader = new BinaryReader(new MemoryStream(block, writable: false));
        try
        {
            return (ModelChecksums.Read(reader), (int)reader.BaseStream.Position);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw ModelEntries.Invalid(entry, e);
        }
    }

    private static (GeneratorNetwork Network, SavedStateDict Saved) LoadGenerator(ModelLoadContext ctx, GeneratorSpec spec, ModelChecksums? checksums, string modelEntry)
    {
        var entry = ModelEntries.PathOf(ctx, GeneratorWeightsStream);
        var weights = ModelEntries.ReadBinaryStream(ctx, GeneratorWeightsStream, entry)
            ?? throw new InvalidDataException($"The GAN model has no '{entry}' stream with the generator's weights.");
        checksums?.Verify(GeneratorWeightsStream, weights, entry);
        var saved = SavedStateDict.Read(weights, entry);
        SavedNetworks.CheckHoldsEnough(saved, SavedNetworks.MinimumWeights(spec), "generator", entry, modelEntry);
        GeneratorNetwork network;
        try
        {
            network = GlobalTorchRandom.Unseeded(() => new GeneratorNetwork(spec));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"The generator described in the model cannot be built for '{entry}': {e.Message}", e);
        }
        try
        {
            SavedNetworks.CheckMatches(network, saved, entry);
            SavedNetworks.Load(network, saved, weights);
            return (network, saved);
        }
        catch (Exception e)
        {
            network.Dispose();
            if (e is InvalidDataException) throw;
            throw ModelEntries.Invalid(entry, e);
        }
    }

    /// <summary>The training state, or null when the model has none or it is damaged (then a warning says so: the model still samples).</summary>
    private static TrainingState? LoadTrainingState(ModelLoadContext ctx, IChannel channel, uint version, ModelChecksums? checksums, Content content, SavedStateDict generator)
    {
        var entry = ModelEntries.PathOf(ctx, TrainingStateStream);
        try
        {
            var bytes = ModelEntries.ReadBinaryStream(ctx, TrainingStateStream, entry);
            if (bytes is null)
            {
                if (checksums?.Covers(TrainingStateStream) == true)
                    throw new InvalidDataException($"Model entry '{entry}' was saved with the model but is missing from the zip.");
                return null;
            }
            checksums?.Verify(TrainingStateStream, bytes, entry);
            var state = ModelEntries.Parse(bytes, 0, entry, reader => TrainingState.Load(reader, version));
            if (SavedModelConsistency.TrainingStateMismatch(state, content.Spec, content.Features.EncodedWidth) is { } mismatch)
                throw new InvalidDataException($"Model entry '{entry}' is inconsistent: {mismatch}");
            var discriminator = SavedStateDict.Read(state.DiscriminatorWeights, $"{entry} (discriminator weights)");
            SavedNetworks.CheckHoldsEnough(discriminator, SavedNetworks.MinimumWeights(state.DiscriminatorSpec), "discriminator", $"{entry} (discriminator weights)", entry);
            if (state.Average is { } average) CheckSameLayout(SavedStateDict.Read(average.TrainedGeneratorWeights, $"{entry} (trained generator weights)"), generator, entry);
            return state;
        }
        catch (InvalidDataException e)
        {
            channel.Warning($"{e.Message} The model still samples, but cannot resume training (CanResumeTraining is false).");
            return null;
        }
    }

    private static void CheckSameLayout(SavedStateDict trained, SavedStateDict generator, string entry)
    {
        static IEnumerable<(string, int, string)> Layout(SavedStateDict saved) =>
            saved.Tensors.Select(t => (t.Name, t.ScalarType, t.ShapeText)).OrderBy(t => t.Name, StringComparer.Ordinal);
        if (!Layout(trained).SequenceEqual(Layout(generator)))
            throw new InvalidDataException($"Model entry '{entry}' holds trained generator weights whose tensors differ from the generator's.");
    }
}
