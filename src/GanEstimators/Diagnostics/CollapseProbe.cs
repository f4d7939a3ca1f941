using TorchSharp;
using GanEstimators.Networks;
using static TorchSharp.torch;

namespace GanEstimators.Diagnostics;

/// <summary>
/// Measures mode collapse cheaply: the mean pairwise distance of a fixed-noise generated batch over that of a fixed
/// real batch (same conditions), both in the encoded space. Uses its own noise so it never changes training.
/// </summary>
internal sealed class CollapseProbe : IDisposable
{
    private const int ProbeRows = 256;
    private readonly FixedNoiseRows _generated;
    private readonly double _realDiversity;

    // drawReal draws that many real encoded rows and their conditional vectors with the given random generator, as
    // training draws a batch (a delegate, so diagnostics need not know the training batches).
    public CollapseProbe(int availableRows, Func<int, Generator, (Tensor Rows, Tensor? Conditions)> drawReal, int noiseDimension, int seed, Device device)
    {
        var probeSeed = (ulong)seed + 0x5EED;
        using var random = new Generator(probeSeed);
        var rows = Math.Min(ProbeRows, availableRows);
        var (real, conditions) = drawReal(rows, random);
        _generated = new FixedNoiseRows(random, rows, noiseDimension, conditions, probeSeed + 1, device);
        _realDiversity = MeanPairwiseDistance(real);
        real.Dispose();
    }

    public double Measure(GeneratorNetwork generator)
    {
        if (!(_realDiversity > 0)) return double.NaN;
        using var scope = NewDisposeScope();
        return MeanPairwiseDistance(_generated.Generate(generator)) / _realDiversity;
    }

    private static double MeanPairwiseDistance(Tensor rows)
    {
        using var scope = NewDisposeScope();
        return EnergyDistance.WithinMean(rows).item<float>();
    }

    public void Dispose() => _generated.Dispose();
}
