using GanEstimators.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>
/// An exponential moving average of the generator's weights (Yazıcı et al. 2019, "The unusual effectiveness of
/// averaging in GAN training"), updated after every generator step. The average, not the network being trained, is what
/// the sampler gets: it smooths out the last steps' oscillation around the equilibrium.
/// <para>
/// Every floating-point parameter and buffer is averaged (weights and the batch-norm running statistics alike);
/// integer counters are copied. The decay warms up as min(decay, (1 + t) / (10 + t)) after t updates, so the average
/// does not keep the random initial weights for thousands of steps.
/// </para>
/// </summary>
internal sealed class GeneratorAverage : IDisposable
{
    private readonly (Tensor Average, Tensor Live)[] _pairs;
    private readonly double _decay;

    public GeneratorAverage(GeneratorNetwork live, GeneratorNetwork averaged, double decay, long updates)
    {
        if (!(decay > 0 && decay < 1)) throw new ArgumentOutOfRangeException(nameof(decay), decay, "The generator average's decay must be in (0, 1).");
        Network = averaged;
        _decay = decay;
        Updates = updates;
        var liveTensors = ModuleTensors.ByName(live);
        _pairs = ModuleTensors.ByName(averaged).Select(kv => (kv.Value, liveTensors[kv.Key])).ToArray();
        averaged.eval();
    }

    /// <summary>The averaged generator (always in evaluation mode).</summary>
    public GeneratorNetwork Network { get; }

    /// <summary>Generator updates averaged so far, over all resumed runs.</summary>
    public long Updates { get; private set; }

    /// <summary>Sets the count back to an earlier one (with the weights, by the NaN policy: <see cref="LastGoodState"/>).</summary>
    public void RestoreUpdates(long updates) => Updates = updates;

    public void Update()
    {
        var decay = Math.Min(_decay, (1.0 + Updates) / (10.0 + Updates));
        Updates++;
        using var _ = no_grad();
        using var keep = decay.ToScalar();
        using var take = (1 - decay).ToScalar();
        foreach (var (average, live) in _pairs)
        {
            if (average.is_floating_point()) average.mul_(keep).add_(live, take);
            else average.copy_(live);
        }
    }

    public void Dispose() => Network.Dispose();
}
