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

    public static Tensor Apply(Tensor logits, IReadOnlyList<OutputSpan> spans, Generator random)
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
                SpanActivation.Softmax => GumbelSoftmax(x, random),
                _ => x,
            };
        }
        return cat(parts, 1);
    }

    private static Tensor GumbelSoftmax(Tensor logits, Generator random)
    {
        var uniform = rand(logits.shape, device: logits.device, generator: random);
        var gumbel = -log(-log(uniform + 1e-20) + 1e-20);
        return F.softmax((logits + gumbel) / Temperature, 1);
    }
}
