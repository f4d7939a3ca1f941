using GanEstimators.Encoding;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Networks;

/// <summary>
/// Applies each output span's activation to the generator's logits: identity, tanh, or Gumbel-softmax (Jang et al.
/// 2017) with CTGAN's temperature 0.2, which samples a near-one-hot choice while keeping gradients. TorchSharp has no
/// gumbel_softmax, so the Gumbel noise is drawn here from the caller's generator (reproducible under a seed).
/// </summary>
internal static class OutputHeads
{
    public const double Temperature = 0.2;
    private static readonly TorchSharp.Scalar TemperatureScalar = Temperature.ToScalar();

    public static Tensor Apply(Tensor logits, IReadOnlyList<OutputSpan> spans, Generator random) =>
        PerSpan(logits, spans, x => GumbelSoftmax(x, random));

    /// <summary>
    /// For sampling, not training: softmax spans become exact one-hot draws from softmax(logits) — the same
    /// distribution as the argmax of a Gumbel-softmax sample — by inverse CDF with one uniform per row and span, which
    /// spares the per-element Gumbel noise and logarithms. Each span is written in place into one output tensor (a
    /// scatter of ones for the draws), so no one-hot or concatenated copies are made. Softmax spans whose offsets are in
    /// <paramref name="mostLikely"/> take their largest logit instead of a draw (<see cref="GanModeChoice.MostLikely"/>).
    /// <paramref name="draws"/>, when given, may change a span's logits from the draws of earlier spans in the row, and
    /// the slots written.
    /// </summary>
    public static Tensor ApplyForSampling(Tensor logits, IReadOnlyList<OutputSpan> spans, Generator random, IReadOnlySet<int>? mostLikely = null, ISequentialCategoryDraws? draws = null)
    {
        if (spans.All(s => s.Activation == SpanActivation.Identity)) return logits;
        var output = zeros_like(logits);
        foreach (var span in spans)
        {
            using var x = logits.narrow(1, span.Offset, span.Width);
            using var target = output.narrow(1, span.Offset, span.Width);
            switch (span.Activation)
            {
                case SpanActivation.Tanh:
                    using (var squashed = x.tanh()) target.copy_(squashed);
                    break;
                case SpanActivation.Softmax:
                    var adjusted = draws?.Adjust(span.Offset, x) ?? x;
                    using (var drawn = mostLikely?.Contains(span.Offset) == true ? adjusted.argmax(1, keepdim: true) : DrawIndex(adjusted, random))
                    {
                        var index = draws?.Settle(span.Offset, drawn) ?? drawn;
                        using (var chosen = ones(index.shape, dtype: output.dtype, device: output.device))
                            target.scatter_(1, index, chosen);
                        if (!ReferenceEquals(index, drawn)) index.Dispose();
                    }
                    if (!ReferenceEquals(adjusted, x)) adjusted.Dispose();
                    break;
                default:
                    target.copy_(x);
                    break;
            }
        }
        return output;
    }

    /// <summary>
    /// One category per row, drawn from softmax(logits) by inverse CDF; shape (rows, 1). The cumulative weights are
    /// left unnormalised (exp(x − max), and u is scaled by their total), which spares softmax's kernel: on the narrow
    /// mode spans it took 270 µs per 2,048 × 10 logits on the 2-core machine, several times the arithmetic.
    /// </summary>
    internal static Tensor DrawIndex(Tensor logits, Generator random)
    {
        using var scope = NewDisposeScope();
        var cumulative = (logits - logits.amax(new long[] { 1 }, keepdim: true)).exp_().cumsum(1);
        var total = cumulative.narrow(1, logits.shape[1] - 1, 1);
        var threshold = TorchRandom.Uniform(new long[] { logits.shape[0], 1 }, logits.device, random).mul_(total);
        using var last = (logits.shape[1] - 1).ToScalar();
        // The number of cumulative weights below u · total (the clamp only guards against rounding).
        return searchsorted(cumulative, threshold).clamp_max(last).MoveToOuterDisposeScope();
    }

    private static Tensor PerSpan(Tensor logits, IReadOnlyList<OutputSpan> spans, Func<Tensor, Tensor> softmax)
    {
        if (spans.All(s => s.Activation == SpanActivation.Identity)) return logits;
        var parts = new Tensor[spans.Count];
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            var x = logits.narrow(1, span.Offset, span.Width);
            parts[i] = span.Activation switch
            {
                SpanActivation.Tanh => tanh(x),
                SpanActivation.Softmax => softmax(x),
                _ => x,
            };
        }
        return cat(parts, 1);
    }

    private static Tensor GumbelSoftmax(Tensor logits, Generator random)
    {
        var uniform = TorchRandom.Uniform(logits.shape, logits.device, random);
        var gumbel = uniform.add_(TorchScalars.Tiny, TorchScalars.One).log_().neg_().add_(TorchScalars.Tiny, TorchScalars.One).log_().neg_();
        return F.softmax(logits.Plus(gumbel) / TemperatureScalar, 1);
    }
}
