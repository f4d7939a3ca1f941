namespace GanEstimators.Networks;

/// <summary>Everything needed to rebuild a generator before loading its weights: family, layer shape and output activations.</summary>
internal sealed record GeneratorSpec(GanArchitecture Architecture, MlpSpec Mlp, IReadOnlyList<OutputSpan> Spans)
{
    public int NoiseDimension => Mlp.InputWidth;

    public void Save(BinaryWriter writer)
    {
        writer.Write((int)Architecture);
        Mlp.Save(writer);
        writer.Write(Spans.Count);
        foreach (var span in Spans)
        {
            writer.Write(span.Offset);
            writer.Write(span.Width);
            writer.Write((int)span.Activation);
        }
    }

    public static GeneratorSpec Load(BinaryReader reader)
    {
        var architecture = (GanArchitecture)reader.ReadInt32();
        var mlp = MlpSpec.Load(reader);
        var spans = new OutputSpan[reader.ReadInt32()];
        for (var i = 0; i < spans.Length; i++)
            spans[i] = new OutputSpan(reader.ReadInt32(), reader.ReadInt32(), (SpanActivation)reader.ReadInt32());
        return new GeneratorSpec(architecture, mlp, spans);
    }
}
