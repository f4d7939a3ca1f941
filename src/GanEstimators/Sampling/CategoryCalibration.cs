using GanEstimators.Conditioning;
using GanEstimators.Encoding;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Sampling;

/// <summary>
/// <see cref="GanSampler.CalibrateCategories"/>: one logit offset per categorical slot, added to the generator's logits
/// before a category is drawn, so that in the rows not conditioned on a column its categories come out at their
/// training frequencies. A row's conditional vector fixes one drawn column, which the generator follows; the other
/// categorical columns are generated freely, and there a GAN over-produces its frequent levels (birdstrikes'
/// airports, BENCHMARKS.md). The offsets are fitted once, on the rows of <see cref="FixedNoiseProbe"/>, by
/// <see cref="Iterations"/> steps of offset += log(real frequency / mean generated probability) over each column's
/// free rows. Where <see cref="SeenPairs"/> apply, each step draws the columns in output order as sampling does, and a
/// column's generated probabilities are those left after its row's earlier draws restrict it.
/// </summary>
internal static class CategoryCalibration
{
    public const int Iterations = 3;

    // Restricted draws answer an offset less than free ones do (a slot is drawn only where its row allows it), so the
    // fit takes more steps: on birdstrikes, the operator's column shape was 0.966 after 3 and 0.976 after 10.
    public const int IterationsWithPairs = 10;

    // Probabilities and frequencies below this are treated as this, so an unseen or never-generated slot moves by a bounded step.
    private const double Floor = 1e-6;

    /// <summary>The offsets over the generator's whole output (zero outside categorical spans), or null when the model has no categorical column.</summary>
    public static Tensor? Fit(SyntheticRowGenerator generator, SeenPairs? pairs)
    {
        var columns = generator.Categories.Columns.Where(c => c.Width > 0).ToArray();
        if (columns.Length == 0) return null;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var classes = generator.Condition is { } condition ? DrawnClasses.ByFrequency(condition, FixedNoiseProbe.Rows, new Random(FixedNoiseProbe.Seed)) : null;
        var drawn = new List<(int Row, int Position)>();
        var known = SyntheticRowGenerator.UnknownValues(pairs, FixedNoiseProbe.Rows);
        var logits = FixedNoiseProbe.Logits(generator, classes, drawn, known);
        var offsets = zeros(logits.shape[1], dtype: logits.dtype, device: logits.device);
        var freeRows = columns.Select(c => FreeRows(c, drawn, generator.Device)).ToArray();
        var real = columns.Select(c => RealFrequencies(c, logits.dtype, generator.Device)).ToArray();
        var iterations = pairs is null ? Iterations : IterationsWithPairs;
        for (var step = 0; step < iterations; step++)
        {
            using var stepScope = NewDisposeScope();
            var adjusted = logits + offsets;
            using var draws = pairs?.Start(known!);
            using var random = new Generator((ulong)(FixedNoiseProbe.Seed + step));
            foreach (var i in Enumerable.Range(0, columns.Length).OrderBy(i => columns[i].EncodedOffset))
            {
                var span = adjusted.narrow(1, columns[i].EncodedOffset, columns[i].Width);
                Tensor generated;
                if (draws is null)
                    generated = F.softmax(span.index_select(0, freeRows[i]), 1).mean(new long[] { 0 });
                else
                {
                    var probabilities = F.softmax(draws.Adjust(columns[i].EncodedOffset, span), 1);
                    // TorchSharp's generators live on the CPU, and CUDA kernels refuse them: draw there (the step's scope frees the copies).
                    var onHost = probabilities.device_type == DeviceType.CPU ? probabilities : probabilities.cpu();
                    draws.Settle(columns[i].EncodedOffset, onHost.multinomial(1, generator: random).to(probabilities.device));
                    generated = probabilities.index_select(0, freeRows[i]).mean(new long[] { 0 });
                }
                offsets.narrow(0, columns[i].EncodedOffset, columns[i].Width).add_((real[i] / generated.clamp_min(Floor)).log_());
            }
        }
        return offsets.MoveToOuterDisposeScope();
    }

    // The check rows whose drawn condition is not on this column.
    private static Tensor FreeRows(ConditionalVector.Column column, List<(int Row, int Position)> drawn, Device device)
    {
        var conditioned = drawn.Where(d => column.Holds(d.Position)).Select(d => d.Row).ToHashSet();
        return tensor(Enumerable.Range(0, FixedNoiseProbe.Rows).Where(r => !conditioned.Contains(r)).Select(r => (long)r).ToArray(), device: device);
    }

    private static Tensor RealFrequencies(ConditionalVector.Column column, ScalarType dtype, Device device)
    {
        var frequencies = new double[column.Width];
        for (var k = 0; k < column.Width; k++) frequencies[k] = column.Cumulative[k] - (k == 0 ? 0 : column.Cumulative[k - 1]);
        return tensor(frequencies, device: device).to(dtype).clamp_min(Floor);
    }
}
