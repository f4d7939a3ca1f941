using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// Everything needed to rebuild a discriminator (to resume training): an MLP's shape or a DCGAN discriminator's.
/// </summary>
internal sealed record DiscriminatorSpec
{
    private enum Kind
    {
        Mlp = 0,
        Dcgan = 1,
    }

    private DiscriminatorSpec(MlpSpec? mlp, DcganDiscriminatorSpec? dcgan)
    {
        Mlp = mlp;
        Dcgan = dcgan;
    }

    /// <summary>The MLP discriminator of the tabular families; null for DCGAN.</summary>
    public MlpSpec? Mlp { get; }

    /// <summary>The DCGAN discriminator; null for the tabular families.</summary>
    public DcganDiscriminatorSpec? Dcgan { get; }

    public static DiscriminatorSpec Of(MlpSpec mlp) => new(mlp, null);

    public static DiscriminatorSpec Of(DcganDiscriminatorSpec dcgan) => new(null, dcgan);

    public static DiscriminatorSpec Of(nn.Module<Tensor, Tensor?, Tensor> discriminator) => discriminator switch
    {
        ConditionalMlp mlp => new(mlp.Spec, null),
        DcganDiscriminator dcgan => new(null, dcgan.Spec),
        _ => throw new ArgumentException($"No spec is known for a discriminator of type {discriminator.GetType().Name}.", nameof(discriminator)),
    };

    public nn.Module<Tensor, Tensor?, Tensor> Build() =>
        Dcgan is not null ? new DcganDiscriminator(Dcgan) : ConditionalMlp.Discriminator(Mlp!);

    public void Save(BinaryWriter writer)
    {
        writer.Write((int)(Dcgan is null ? Kind.Mlp : Kind.Dcgan));
        if (Dcgan is not null) Dcgan.Save(writer);
        else Mlp!.Save(writer);
    }

    public static DiscriminatorSpec Load(BinaryReader reader, uint formatVersion) => (Kind)reader.ReadInt32() switch
    {
        Kind.Mlp => new(MlpSpec.Load(reader), null),
        Kind.Dcgan => new(null, DcganDiscriminatorSpec.Load(reader, formatVersion)),
        var kind => throw new InvalidDataException($"The saved training state has a discriminator of kind {(int)kind}, which this version of GanEstimators does not know."),
    };
}
