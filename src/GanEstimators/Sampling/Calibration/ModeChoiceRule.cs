using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Sampling.Calibration;

/// <summary>
/// The default of <see cref="GanSampler.ModeChoice"/>, decided from the trained generator itself: on
/// the rows of <see cref="FixedNoiseProbe"/> (each condition class equally), it compares, for every mode-specific
/// column, how often each mode would come out if modes are drawn (the mean of the generator's probabilities) and if the
/// most likely one is taken. Where no column's frequencies move by more than <see cref="MostShift"/> (total variation),
/// the generator picks modes from its noise and drawing only adds combinations of modes that do not occur together:
/// MostLikely. Otherwise drawing is what gives the rarer modes their share, and taking the most likely one would narrow
/// the column's shape: Drawn.
/// </summary>
internal static class ModeChoiceRule
{
    /// <summary>
    /// The largest total-variation move of one column's mode frequencies that still allows MostLikely. Measured
    /// (BENCHMARKS.md, "The decay in the schedule and the mode choice"): 0.003-0.022 on the lab's ring and grid, 0.030-0.21 on the real tables.
    /// </summary>
    public const double MostShift = 0.025;

    /// <summary>The choice and the largest move of a column's mode frequencies (0, and Drawn, when the model has no mode-specific column).</summary>
    public static (GanModeChoice Choice, double Shift) Choose(SyntheticRowGenerator generator)
    {
        if (generator.ModeSpans.Count == 0) return (GanModeChoice.Drawn, 0);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        // Each class of the condition column equally.
        var classes = generator.Condition is { } condition ? Enumerable.Range(0, FixedNoiseProbe.Rows).Select(r => r % condition.Count).ToArray() : null;
        var logits = FixedNoiseProbe.Logits(generator, classes);
        var shift = 0.0;
        foreach (var span in generator.Network.Spec.Spans.Where(s => generator.ModeSpans.Contains(s.Offset)))
        {
            var x = logits.narrow(1, span.Offset, span.Width);
            var drawn = F.softmax(x, 1).mean(new long[] { 0 });
            var mostLikely = F.one_hot(x.argmax(1), span.Width).to(drawn.dtype).mean(new long[] { 0 });
            shift = Math.Max(shift, (drawn - mostLikely).abs().sum().item<float>() / 2);
        }
        return (shift <= MostShift ? GanModeChoice.MostLikely : GanModeChoice.Drawn, shift);
    }
}

