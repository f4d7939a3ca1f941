using GanEstimators.Encoding;
using GanEstimators.Serialization;

namespace GanEstimators.Networks;

/// <summary>
/// Everything needed to rebuild a generator before loading its weights: family, body shape (an MLP's for
/// <see cref="GanArchitecture.Mlp"/> and <see cref="GanArchitecture.Residual"/>, a DCGAN generator's for
/// <see cref="GanArchitecture.Dcgan"/>) and output activations.
/// </summary>
internal sealed record GeneratorSpec
{
    private GeneratorSpec(GanArchitecture architecture, MlpSpec? mlp, DcganGeneratorSpec? dcgan, IReadOnlyList<OutputSpan> spans)
    {
        Architecture = architecture;
        Mlp = mlp;
        Dcgan = dcgan;
        Spans = spans;
    }

    public GanArchitecture Architecture { get; }

    /// <summary>The body of an MLP or residual generator; null for DCGAN.</summary>
    public MlpSpec? Mlp { get; }

    /// <summary>The DCGAN generator; null for the tabular families.</summary>
    public DcganGeneratorSpec? Dcgan { get; }

    public IReadOnlyList<OutputSpan> Spans { get; }

    public int NoiseDimension => Dcgan?.NoiseWidth ?? Mlp!.InputWidth;

    public int ConditionWidth => Dcgan?.ConditionWidth ?? Mlp!.ConditionWidth;

    public static GeneratorSpec Tabular(GanArchitecture architecture, MlpSpec mlp, IReadOnlyList<OutputSpan> spans)
    {
        if (architecture is not (GanArchitecture.Mlp or GanArchitecture.Residual))
            throw new ArgumentOutOfRangeException(nameof(architecture), architecture, "A tabular generator is Mlp or Residual.");
        return new(architecture, mlp, null, spans);
    }

    public static GeneratorSpec Image(DcganGeneratorSpec dcgan, IReadOnlyList<OutputSpan> spans) => new(GanArchitecture.Dcgan, null, dcgan, spans);

    public void Save(BinaryWriter writer)
    {
        writer.Write((int)Architecture);
        if (Dcgan is not null) Dcgan.Save(writer);
        else Mlp!.Save(writer);
        writer.Write(Spans.Count);
        foreach (var span in Spans)
        {
            writer.Write(span.Offset);
            writer.Write(span.Width);
            writer.Write((int)span.Activation);
        }
    }

    // Models of format 0x00010002 have the same layout: they never hold a DCGAN generator.
    public static GeneratorSpec Load(BinaryReader reader, uint formatVersion)
    {
        var architecture = reader.ReadEnum<GanArchitecture>("generator architecture");
        if (architecture == GanArchitecture.Auto) throw new InvalidDataException("The saved generator architecture is Auto, which training always resolves.");
        var dcgan = architecture == GanArchitecture.Dcgan ? DcganGeneratorSpec.Load(reader, formatVersion) : null;
        var mlp = dcgan is null ? MlpSpec.Load(reader) : null;
        var spans = new OutputSpan[reader.ReadCount("number of generator output spans", ModelLimits.MaxOutputSpans, bytesPerItem: 12, min: 1)];
        for (var i = 0; i < spans.Length; i++)
            spans[i] = new OutputSpan(reader.ReadInt32InRange("output span offset", 0, int.MaxValue), reader.ReadInt32InRange("output span width", 1, int.MaxValue),
                reader.ReadEnum<SpanActivation>("output span activation"));
        return new GeneratorSpec(architecture, mlp, dcgan, spans);
    }
}
