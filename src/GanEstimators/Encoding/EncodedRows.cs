using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Encoding;

/// <summary>
/// Encoded rows as the networks see them: <see cref="Count"/> rows of <see cref="Width"/> values, row-major, and for a
/// conditional GAN each row's class of the condition column (<see cref="Classes"/>, null when unconditional) out of
/// <see cref="ClassCount"/>.
/// </summary>
internal sealed record EncodedRows(float[] Values, int Count, int Width, int[]? Classes, int ClassCount)
{
    /// <summary>No rows (a hold-out when early stopping is off).</summary>
    public static EncodedRows None(int width, int classCount) => new(Array.Empty<float>(), 0, width, null, classCount);

    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * Width, Width);

    /// <summary>The rows at <paramref name="rows"/>, in that order, with their classes.</summary>
    public EncodedRows Take(int[] rows)
    {
        var values = new float[rows.Length * Width];
        for (var i = 0; i < rows.Length; i++) Row(rows[i]).CopyTo(values.AsSpan(i * Width));
        return new EncodedRows(values, rows.Length, Width, Classes is null ? null : rows.Select(i => Classes[i]).ToArray(), ClassCount);
    }

    /// <summary>The rows as a (count × width) tensor on <paramref name="device"/>.</summary>
    public Tensor ToTensor(Device device) => tensor(Values, new long[] { Count, Width }).to(device);

    /// <summary>The classes one-hot (count × class count) on <paramref name="device"/>, or null when unconditional.</summary>
    public Tensor? ClassesOneHot(Device device)
    {
        if (Classes is null) return null;
        using var indices = tensor(Classes.Select(i => (long)i).ToArray());
        return F.one_hot(indices, ClassCount).to(float32).to(device);
    }
}
