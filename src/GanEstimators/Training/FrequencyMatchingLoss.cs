using GanEstimators.Encoding;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Training;

/// <summary>
/// An auxiliary generator loss that makes every discrete choice of a row (a category, a numeric column's mixture mode,
/// a missing-value indicator) come out as often, within each class of the condition column, as it does in the real rows
/// paired with the same conditions. The adversarial loss only reaches this at its optimum; a rare class whose rows all
/// share one mode (every dry day has precipitation exactly 0) otherwise keeps getting a few rows from another mode.
/// For each class c and span it is the cross-entropy −Σ p̂ log q̄ between the real one-hot frequencies p̂ of the batch's
/// class-c rows and the mean of the generator's softmax probabilities q̄ over its class-c rows — the distribution
/// sampling draws from — weighted by the class's share of the batch. Being linear in p̂, its expectation over batches
/// is minimised at the real conditional frequencies, however few rows a class has in one batch.
/// </summary>
internal static class FrequencyMatchingLoss
{
    private static readonly Scalar SmallestProbability = 1e-8.ToScalar();

    /// <param name="logits">The generator's raw output, rows × encoded width.</param>
    /// <param name="realRows">Encoded real rows drawn with the same conditions as the generator's rows.</param>
    /// <param name="classes">One-hot classes of the rows (rows × classes); null pools the whole batch as one class.</param>
    /// <param name="spans">The generator's output spans; the softmax ones are matched.</param>
    /// <param name="weight">Multiplies the loss; 0 returns null.</param>
    public static Tensor? Compute(Tensor logits, Tensor realRows, Tensor? classes, IReadOnlyList<OutputSpan> spans, double weight)
    {
        if (weight == 0) return null;
        var discrete = spans.Where(s => s.Activation == SpanActivation.Softmax).ToArray();
        if (discrete.Length == 0) return null;
        var groups = (classes ?? ones(logits.shape[0], 1, dtype: logits.dtype, device: logits.device)).t();
        var rowsPerClass = groups.sum(1, keepdim: true).clamp_min(TorchScalars.One);
        Tensor? total = null;
        foreach (var span in discrete)
        {
            var generatedMean = groups.mm(F.softmax(logits.narrow(1, span.Offset, span.Width), 1)) / rowsPerClass;
            var realCounts = groups.mm(realRows.narrow(1, span.Offset, span.Width));
            var crossEntropy = -(realCounts * generatedMean.clamp_min(SmallestProbability).log()).sum();
            total = total is null ? crossEntropy : total.Plus(crossEntropy);
        }
        using var scale = (weight / logits.shape[0]).ToScalar();
        return total! * scale;
    }
}
