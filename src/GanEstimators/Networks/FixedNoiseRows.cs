using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// Rows a generator makes from the same noise, conditions and activation draws at every call, so that successive
/// measures of a training generator (the collapse ratio, the early-stopping distance) compare like with like. Its own
/// random streams, so measuring never changes training.
/// </summary>
internal sealed class FixedNoiseRows : IDisposable
{
    private readonly Tensor _noise;
    private readonly Tensor? _conditions;
    private readonly ulong _activationSeed;

    /// <summary>
    /// Draws <paramref name="rows"/> rows of noise from <paramref name="random"/>; <paramref name="conditions"/> (or
    /// null) is owned from here on; <paramref name="activationSeed"/> seeds the output activations' draws at each call.
    /// </summary>
    public FixedNoiseRows(Generator random, long rows, int noiseDimension, Tensor? conditions, ulong activationSeed, Device device)
    {
        _noise = TorchRandom.Normal(new long[] { rows, noiseDimension }, device, random);
        _conditions = conditions;
        _activationSeed = activationSeed;
    }

    /// <summary>The generator's rows, without gradients; call it inside a dispose scope.</summary>
    public Tensor Generate(GeneratorNetwork generator)
    {
        using var _ = no_grad();
        using var random = new Generator(_activationSeed);
        return generator.Generate(_noise, _conditions, random);
    }

    public void Dispose()
    {
        _noise.Dispose();
        _conditions?.Dispose();
    }
}
